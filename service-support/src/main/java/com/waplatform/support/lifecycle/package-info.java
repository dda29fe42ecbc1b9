@NullMarked
package com.waplatform.support.lifecycle;

import org.jspecify.annotations.NullMarked;
