@NullMarked
package com.waplatform.callback.delivery;

import org.jspecify.annotations.NullMarked;
