@NullMarked
package com.waplatform.simulator.graph;

import org.jspecify.annotations.NullMarked;
