package com.waplatform.support.kafka;

import java.time.Duration;

import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTransientException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import org.springframework.dao.TransientDataAccessException;

/**
 * Retries the transaction of an asynchronous ({@code Mono}) Kafka listener when the
 * database reports a transient failure: a deadlock victim, a serialization failure, or
 * another failure the driver marks transient. The whole transaction runs again, inside
 * the listener's pipeline.
 * <p>
 * Why not leave it to the container's error handler: with async listeners (Spring Kafka
 * 4.1.2) a record the container re-delivered after such a failure was processed, but the
 * records of the polls after it were received and never handed to the listener. One
 * deadlock between two batched status webhooks stalled the webhook service until it was
 * restarted. Records that still fail after these attempts (or fail for good) reach the
 * error handler, which dead-letters them.
 */
public final class TransientFailures {

	static final int MAX_RETRIES = 5;

	private static final Logger logger = LoggerFactory.getLogger(TransientFailures.class);

	private TransientFailures() {
	}

	/** Up to {@value #MAX_RETRIES} retries, 50 ms doubling to 2 s, with jitter. */
	public static RetryBackoffSpec retry() {
		return Retry.backoff(MAX_RETRIES, Duration.ofMillis(50))
			.maxBackoff(Duration.ofSeconds(2))
			.filter(TransientFailures::isTransient)
			.doBeforeRetry((signal) -> logger.warn("Transient database failure (attempt {}), retrying: {}",
					signal.totalRetries() + 1, signal.failure().toString()))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/** Whether {@code failure}, or what caused it, is a transient database failure. */
	public static boolean isTransient(@Nullable Throwable failure) {
		// bounded: a cause chain may loop
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof R2dbcTransientException
					|| cause instanceof R2dbcRollbackException) {
				return true;
			}
		}
		return false;
	}

}
