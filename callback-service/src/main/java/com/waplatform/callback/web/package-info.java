@NullMarked
package com.waplatform.callback.web;

import org.jspecify.annotations.NullMarked;
