@NullMarked
package com.waplatform.sender.send;

import org.jspecify.annotations.NullMarked;
