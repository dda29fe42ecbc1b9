@NullMarked
package com.waplatform.callback.endpoints;

import org.jspecify.annotations.NullMarked;
