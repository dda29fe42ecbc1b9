/**
 * Fault injection: Meta error codes, bare load-balancer errors, latency, timeouts,
 * connection resets and expired tokens on sends; duplicated, reordered and delayed status
 * webhooks.
 */
@NullMarked
package com.waplatform.simulator.faults;

import org.jspecify.annotations.NullMarked;
