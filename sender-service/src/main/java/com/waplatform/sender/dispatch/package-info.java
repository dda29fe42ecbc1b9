@NullMarked
package com.waplatform.sender.dispatch;

import org.jspecify.annotations.NullMarked;
