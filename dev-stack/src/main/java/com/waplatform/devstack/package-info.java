@NullMarked
package com.waplatform.devstack;

import org.jspecify.annotations.NullMarked;
