@NullMarked
package com.waplatform.simulator.conversations;

import org.jspecify.annotations.NullMarked;
