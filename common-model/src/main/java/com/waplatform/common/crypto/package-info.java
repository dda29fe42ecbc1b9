@NullMarked
package com.waplatform.common.crypto;

import org.jspecify.annotations.NullMarked;
