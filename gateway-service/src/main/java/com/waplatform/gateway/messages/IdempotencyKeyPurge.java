package com.waplatform.gateway.messages;

import java.time.Instant;

import com.waplatform.gateway.config.MessageProperties;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys older than {@code gateway.messages.idempotency-retention}. */
@Component
class IdempotencyKeyPurge {

	private final DatabaseClient db;

	private final MessageProperties properties;

	IdempotencyKeyPurge(DatabaseClient db, MessageProperties properties) {
		this.db = db;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	Mono<Void> purge() {
		// deferred: Spring subscribes the returned publisher again each round, so the
		// cutoff must be computed per round, not once when the method is first called
		return Mono.defer(() -> this.db.sql("delete from idempotency_keys where created_at < :cutoff")
			.bind("cutoff", Instant.now().minus(this.properties.idempotencyRetention()))
			.then());
	}

}
