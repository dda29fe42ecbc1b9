package com.waplatform.gateway.messages;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The message read model.
 *
 * @param orphanTtl how long a message known only from status events (its send request
 * never arrived) is kept, hidden, before it is purged as a message we never sent; it
 * bounds how late a send request may follow its first status
 */
@Validated
@ConfigurationProperties("gateway.read-model")
record ReadModelProperties(@NotNull @DefaultValue("24h") Duration orphanTtl) {

	ReadModelProperties {
		if (orphanTtl != null && (orphanTtl.isNegative() || orphanTtl.isZero())) {
			throw new IllegalArgumentException("gateway.read-model.orphan-ttl must be positive, was " + orphanTtl);
		}
	}

}
