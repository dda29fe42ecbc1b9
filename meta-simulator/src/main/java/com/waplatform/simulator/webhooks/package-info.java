@NullMarked
package com.waplatform.simulator.webhooks;

import org.jspecify.annotations.NullMarked;
