@NullMarked
package com.waplatform.sender;

import org.jspecify.annotations.NullMarked;
