@NullMarked
package com.waplatform.simulator.lifecycle;

import org.jspecify.annotations.NullMarked;
