@NullMarked
package com.waplatform.common.message;

import org.jspecify.annotations.NullMarked;
