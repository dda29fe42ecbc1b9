@NullMarked
package com.waplatform.common.business;

import org.jspecify.annotations.NullMarked;
