@NullMarked
package com.waplatform.sender.meta;

import org.jspecify.annotations.NullMarked;
