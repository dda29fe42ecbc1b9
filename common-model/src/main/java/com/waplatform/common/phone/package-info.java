@NullMarked
package com.waplatform.common.phone;

import org.jspecify.annotations.NullMarked;
