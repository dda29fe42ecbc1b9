@NullMarked
package com.waplatform.simulator.accounts;

import org.jspecify.annotations.NullMarked;
