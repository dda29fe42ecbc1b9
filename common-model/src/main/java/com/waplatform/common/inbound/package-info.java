@NullMarked
package com.waplatform.common.inbound;

import org.jspecify.annotations.NullMarked;
