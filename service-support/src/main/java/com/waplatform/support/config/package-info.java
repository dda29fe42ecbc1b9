@NullMarked
package com.waplatform.support.config;

import org.jspecify.annotations.NullMarked;
