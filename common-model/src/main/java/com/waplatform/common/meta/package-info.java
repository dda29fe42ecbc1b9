@NullMarked
package com.waplatform.common.meta;

import org.jspecify.annotations.NullMarked;
