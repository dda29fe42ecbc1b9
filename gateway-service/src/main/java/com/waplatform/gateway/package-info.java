@NullMarked
package com.waplatform.gateway;

import org.jspecify.annotations.NullMarked;
