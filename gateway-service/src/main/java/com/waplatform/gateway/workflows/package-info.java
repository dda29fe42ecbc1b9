/**
 * {@code /v1/workflows}: the caller organization's workflows, proxied to
 * workflow-service's internal API with the service token, and the client of that API.
 */
@NullMarked
package com.waplatform.gateway.workflows;

import org.jspecify.annotations.NullMarked;
