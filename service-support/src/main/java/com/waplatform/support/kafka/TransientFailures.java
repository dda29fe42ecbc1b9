package com.waplatform.support.kafka;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTransientException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The platform's one retry policy for the work of a Kafka listener: what can heal by
 * itself is retried inside the listener's pipeline until it succeeds, everything else
 * reaches the error handler, which dead-letters it. Every listener (and every listener
 * registered by hand) ends its pipeline with
 * {@code .retryWhen(TransientFailures.retry())}.
 * <ul>
 * <li>{@link Failure#OUTAGE}: the database or the broker cannot be reached (connection
 * refused or closed, the server shutting down or starting up, too many connections,
 * Kafka's retriable errors such as a request timeout, {@code NotLeaderOrFollower} or a
 * network error).</li>
 * <li>{@link Failure#TRANSIENT}: the database gave up one transaction (a deadlock victim,
 * a serialization failure, a lock or statement timeout).</li>
 * <li>{@link Failure#PERMANENT}: anything else (the record is unreadable, rejected,
 * invalid, breaks a constraint): the error handler's business.</li>
 * </ul>
 * The first two are retried without limit, 100 ms doubling to 30 s with jitter, logged at
 * WARN on the first retry and every {@value #WARN_EVERY}th after it. While PostgreSQL
 * restarts, a listener's record therefore waits instead of being dead-lettered;
 * spring-kafka acknowledges an asynchronous listener's record only when its {@code Mono}
 * completes and pauses the consumer while a poll's records are unacknowledged, so the
 * consumer stops advancing (it keeps polling, so the group does not evict it) and resumes
 * with the same records once the database is back. Consumers are idempotent (processed
 * event ids), so a retried transaction that did commit before its connection broke is not
 * applied twice.
 * <p>
 * Why not leave the retries to the container's error handler: with async listeners
 * (Spring Kafka 4.1.2) a record the container re-delivered after such a failure was
 * processed, but the records of the polls after it were received and never handed to the
 * listener. One deadlock between two batched status webhooks stalled the webhook service
 * until it was restarted.
 */
public final class TransientFailures {

	/** The first retry and every this many after it are logged at WARN. */
	static final int WARN_EVERY = 10;

	static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/** How deep a cause chain is searched (a chain may loop). */
	private static final int MAX_DEPTH = 16;

	private static final Logger logger = LoggerFactory.getLogger(TransientFailures.class);

	private TransientFailures() {
	}

	/**
	 * Retries {@link Failure#OUTAGE outages} and {@link Failure#TRANSIENT transient}
	 * failures without limit, 100 ms doubling to 30 s, with jitter; any other failure
	 * passes through at once.
	 */
	public static RetryBackoffSpec retry() {
		return retry(FIRST_BACKOFF, MAX_BACKOFF);
	}

	static RetryBackoffSpec retry(Duration firstBackoff, Duration maxBackoff) {
		return Retry.backoff(Long.MAX_VALUE, firstBackoff)
			.maxBackoff(maxBackoff)
			.jitter(0.5)
			.filter(TransientFailures::isRecoverable)
			.doBeforeRetry((signal) -> {
				long attempt = signal.totalRetries() + 1;
				if (attempt % WARN_EVERY == 1) {
					logger.warn("{} (retry {}, retrying until it succeeds): {}", describe(signal.failure()), attempt,
							signal.failure().toString());
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("{} (retry {}): {}", describe(signal.failure()), attempt, signal.failure().toString());
				}
			})
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	private static String describe(Throwable failure) {
		return (classify(failure) == Failure.OUTAGE) ? "Database or broker unreachable" : "Transient database failure";
	}

	/** Whether {@link #retry()} retries {@code failure}. */
	public static boolean isRecoverable(@Nullable Throwable failure) {
		return classify(failure) != Failure.PERMANENT;
	}

	/**
	 * Whether {@code failure}, or what caused it, is a transient database failure (one
	 * transaction given up) or an outage.
	 */
	public static boolean isTransient(@Nullable Throwable failure) {
		return isRecoverable(failure);
	}

	/**
	 * What kind of failure {@code failure} is, judged by the first link of its cause
	 * chain that says (Spring's exceptions wrap the driver's, spring-kafka's wrap the
	 * client's). A Spring resource failure whose causes say nothing (the connection could
	 * not be obtained) is an outage.
	 */
	public static Failure classify(@Nullable Throwable failure) {
		boolean resourceFailure = false;
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
			Failure kind = own(cause);
			if (kind != null) {
				return kind;
			}
			resourceFailure |= cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException;
		}
		return resourceFailure ? Failure.OUTAGE : Failure.PERMANENT;
	}

	/** What this exception says by itself, or {@code null} to ask its cause. */
	private static @Nullable Failure own(Throwable failure) {
		if (failure instanceof R2dbcException r2dbc) {
			return r2dbc(r2dbc);
		}
		if (failure instanceof RetriableException || failure instanceof ConnectException
				|| failure instanceof SocketException || failure instanceof UnknownHostException
				|| failure instanceof ClosedChannelException) {
			return Failure.OUTAGE;
		}
		if (failure instanceof TransientDataAccessException) {
			return Failure.TRANSIENT;
		}
		return null;
	}

	/**
	 * The PostgreSQL driver reports every error it does not recognize as a
	 * {@link R2dbcNonTransientResourceException}, so the SQLSTATE decides when there is
	 * one: connection exceptions (class 08), insufficient resources (53: too many
	 * connections, out of memory or disk) and the server shutting down or starting up
	 * (57P01 to 57P03) are outages. Without a SQLSTATE a resource exception is the
	 * client's own verdict on the connection (the pool's validation failed, the channel
	 * closed).
	 */
	private static @Nullable Failure r2dbc(R2dbcException failure) {
		String state = failure.getSqlState();
		if (state != null && (state.startsWith("08") || state.startsWith("53") || state.equals("57P01")
				|| state.equals("57P02") || state.equals("57P03"))) {
			return Failure.OUTAGE;
		}
		if (failure instanceof R2dbcTransientException || failure instanceof R2dbcRollbackException) {
			return (failure instanceof R2dbcTransientResourceException) ? Failure.OUTAGE : Failure.TRANSIENT;
		}
		if (state == null) {
			return (failure instanceof R2dbcNonTransientResourceException) ? Failure.OUTAGE : null;
		}
		return Failure.PERMANENT;
	}

	/** The kinds of failure a listener's work meets. */
	public enum Failure {

		/** The database or broker cannot be reached: retried until it can. */
		OUTAGE,

		/** The database gave up one transaction: run again. */
		TRANSIENT,

		/** Anything else: the record goes to the error handler (dead-lettered). */
		PERMANENT

	}

}
