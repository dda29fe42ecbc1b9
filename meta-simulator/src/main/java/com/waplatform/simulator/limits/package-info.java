/**
 * Meta's limits: messages per second per business number (130429), messages per
 * (business, customer) pair (131056) and the management-call quota of a WABA (80007).
 */
@NullMarked
package com.waplatform.simulator.limits;

import org.jspecify.annotations.NullMarked;
