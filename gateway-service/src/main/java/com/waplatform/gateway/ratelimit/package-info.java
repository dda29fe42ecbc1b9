/**
 * Abuse limits on the public API: requests per API key and per client address.
 */
@NullMarked
package com.waplatform.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
