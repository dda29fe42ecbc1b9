/**
 * {@code /v1/callbacks}: the caller organization's callback endpoints and their delivery
 * logs, proxied to callback-service's internal API with the service token, and the client
 * of that API.
 */
@NullMarked
package com.waplatform.gateway.callbacks;

import org.jspecify.annotations.NullMarked;
