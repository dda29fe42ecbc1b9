@NullMarked
package com.waplatform.common.account;

import org.jspecify.annotations.NullMarked;
