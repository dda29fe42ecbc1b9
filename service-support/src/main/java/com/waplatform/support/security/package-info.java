/**
 * Route-level authorization every service shares (Spring Security for WebFlux): probes
 * open on the public port, {@code /internal/**} behind the platform's service token,
 * everything nobody configured refused.
 */
@NullMarked
package com.waplatform.support.security;

import org.jspecify.annotations.NullMarked;
