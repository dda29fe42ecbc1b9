@NullMarked
package com.waplatform.sender.deadletter;

import org.jspecify.annotations.NullMarked;
