@NullMarked
package com.waplatform.common.event;

import org.jspecify.annotations.NullMarked;
