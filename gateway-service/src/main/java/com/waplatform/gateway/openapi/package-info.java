/**
 * The gateway's OpenAPI 3.1 document: springdoc reads the routes from the controllers,
 * {@code openapi/gateway-api.yaml} describes them.
 */
@NullMarked
package com.waplatform.gateway.openapi;

import org.jspecify.annotations.NullMarked;
