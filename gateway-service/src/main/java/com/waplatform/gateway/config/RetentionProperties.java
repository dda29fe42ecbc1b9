package com.waplatform.gateway.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway's read models are kept ({@link RetentionConfiguration}).
 *
 * @param readModels how long a message (its row in {@code messages} and its status
 * history) and an inbound message are kept after they were created; zero or negative
 * keeps them forever
 */
@Validated
@ConfigurationProperties("gateway.retention")
public record RetentionProperties(@NotNull @DefaultValue("90d") Duration readModels) {

}
