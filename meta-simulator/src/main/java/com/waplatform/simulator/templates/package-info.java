@NullMarked
package com.waplatform.simulator.templates;

import org.jspecify.annotations.NullMarked;
