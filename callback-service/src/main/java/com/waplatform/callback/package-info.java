@NullMarked
package com.waplatform.callback;

import org.jspecify.annotations.NullMarked;
