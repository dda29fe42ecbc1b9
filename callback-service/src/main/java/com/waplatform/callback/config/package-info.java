@NullMarked
package com.waplatform.callback.config;

import org.jspecify.annotations.NullMarked;
