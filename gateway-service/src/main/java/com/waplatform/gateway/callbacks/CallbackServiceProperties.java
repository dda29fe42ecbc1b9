package com.waplatform.gateway.callbacks;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway finds callback-service ({@code gateway.callback-service-url},
 * {@code gateway.callback-service-timeout}), beside the other services of
 * {@code GatewayProperties}.
 *
 * @param callbackServiceUrl where callback-service answers its internal API
 * ({@code /v1/callbacks/**} is proxied to it)
 * @param callbackServiceTimeout the longest wait for one callback-service call
 */
@Validated
@ConfigurationProperties("gateway")
public record CallbackServiceProperties(@NotNull @DefaultValue("http://localhost:8085") URI callbackServiceUrl,
		@NotNull @DefaultValue("10s") Duration callbackServiceTimeout) {

}
