@NullMarked
package com.waplatform.simulator.messages;

import org.jspecify.annotations.NullMarked;
