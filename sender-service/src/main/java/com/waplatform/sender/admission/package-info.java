@NullMarked
package com.waplatform.sender.admission;

import org.jspecify.annotations.NullMarked;
