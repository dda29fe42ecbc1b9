@NullMarked
package com.waplatform.support.accounts;

import org.jspecify.annotations.NullMarked;
