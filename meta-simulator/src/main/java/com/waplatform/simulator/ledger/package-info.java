@NullMarked
package com.waplatform.simulator.ledger;

import org.jspecify.annotations.NullMarked;
