package com.waplatform.support.kafka;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.support.kafka.TransientFailures.Failure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.r2dbc.UncategorizedR2dbcException;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTests {

	@Test
	void aDatabaseThatRefusesConnectionsIsAnOutageWhateverSpringWrapsItIn() throws IOException {
		// a real refusal: the driver's PostgresConnectionException (SQLSTATE 08003) over
		// netty's ConnectException, wrapped by DatabaseClient and by the transaction
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		io.r2dbc.spi.ConnectionFactory factory = ConnectionFactories
			.get("r2dbc:postgresql://postgres:postgres@localhost:" + port + "/postgres");
		DatabaseClient db = DatabaseClient.create(factory);
		Mono<Integer> query = db.sql("select 1").map((row) -> 1).one();
		Object plain = query.map(Object.class::cast).onErrorResume(Mono::just).block(Duration.ofSeconds(10));
		Object transactional = TransactionalOperator.create(new R2dbcTransactionManager(factory))
			.transactional(query)
			.map(Object.class::cast)
			.onErrorResume(Mono::just)
			.block(Duration.ofSeconds(10));
		assertThat((Throwable) plain).hasRootCauseInstanceOf(ConnectException.class);
		assertThat(TransientFailures.classify((Throwable) plain)).isEqualTo(Failure.OUTAGE);
		assertThat(TransientFailures.classify((Throwable) transactional)).isEqualTo(Failure.OUTAGE);
	}

	@Test
	void theServerGoingAwayIsAnOutage() {
		// what PostgreSQL sends while it shuts down and starts up, and what the pool says
		// when a connection it held is dead, as DatabaseClient reports them
		assertThat(TransientFailures.classify(translated(new R2dbcNonTransientResourceException(
				"terminating connection due to administrator command", "57P01"))))
			.isEqualTo(Failure.OUTAGE);
		assertThat(TransientFailures.classify(
				translated(new R2dbcNonTransientResourceException("the database system is starting up", "57P03"))))
			.isEqualTo(Failure.OUTAGE);
		assertThat(TransientFailures
			.classify(translated(new R2dbcNonTransientResourceException("Connection unexpectedly closed", "08006"))))
			.isEqualTo(Failure.OUTAGE);
		assertThat(TransientFailures
			.classify(translated(new R2dbcNonTransientResourceException("sorry, too many clients already", "53300"))))
			.isEqualTo(Failure.OUTAGE);
		assertThat(TransientFailures
			.classify(translated(new R2dbcNonTransientResourceException("Connection validation failed"))))
			.isEqualTo(Failure.OUTAGE);
		assertThat(TransientFailures.classify(new R2dbcTransientResourceException("connection reset")))
			.isEqualTo(Failure.OUTAGE);
	}

	@Test
	void theBrokersRetriableErrorsAreOutagesAsTheTemplateReportsThem() {
		ProducerRecord<String, String> record = new ProducerRecord<>("wa.status-events", "key", "value");
		assertThat(TransientFailures
			.classify(new KafkaProducerException(record, "Send failed", new TimeoutException("Expiring 1 record"))))
			.isEqualTo(Failure.OUTAGE);
		assertThat(TransientFailures.classify(
				new KafkaProducerException(record, "Send failed", new NotLeaderOrFollowerException("not the leader"))))
			.isEqualTo(Failure.OUTAGE);
		assertThat(TransientFailures
			.classify(new KafkaProducerException(record, "Send failed", new NetworkException("disconnected"))))
			.isEqualTo(Failure.OUTAGE);
		// the record is too large for the broker: it will never fit
		assertThat(TransientFailures
			.classify(new KafkaProducerException(record, "Send failed", new RecordTooLargeException("too large"))))
			.isEqualTo(Failure.PERMANENT);
	}

	@Test
	void deadlocksAndLockFailuresAreTransientWhereverTheyAreWrapped() {
		// what DatabaseClient reports for a deadlock victim (SQLSTATE 40P01)
		assertThat(TransientFailures.classify(new UncategorizedR2dbcException("execute", "insert ...",
				new R2dbcRollbackException("deadlock detected", "40P01"))))
			.isEqualTo(Failure.TRANSIENT);
		assertThat(TransientFailures.classify(translated(new R2dbcRollbackException("could not serialize", "40001"))))
			.isEqualTo(Failure.TRANSIENT);
		assertThat(TransientFailures.classify(new CannotAcquireLockException("lock timeout")))
			.isEqualTo(Failure.TRANSIENT);
		assertThat(TransientFailures.classify(translated(new R2dbcTimeoutException("canceling statement", "57014"))))
			.isEqualTo(Failure.TRANSIENT);
	}

	@Test
	void poisonInputIsPermanent() {
		assertThat(TransientFailures.classify(new IllegalArgumentException("bad payload")))
			.isEqualTo(Failure.PERMANENT);
		assertThat(TransientFailures.classify(RejectedEventException.rejected("unknown_phone_number", "not ours")))
			.isEqualTo(Failure.PERMANENT);
		assertThat(TransientFailures
			.classify(new DeserializationException("unreadable", new byte[] { 1 }, false, new IllegalStateException())))
			.isEqualTo(Failure.PERMANENT);
		// a constraint that cannot heal, a bug in a statement, an error a function
		// raised:
		// the driver reports the last as a resource exception, its SQLSTATE says
		// otherwise
		assertThat(TransientFailures.classify(translated(
				new R2dbcDataIntegrityViolationException("duplicate key value violates unique constraint", "23505"))))
			.isEqualTo(Failure.PERMANENT);
		assertThat(TransientFailures.classify(translated(new R2dbcBadGrammarException("syntax error", "42601"))))
			.isEqualTo(Failure.PERMANENT);
		assertThat(TransientFailures.classify(translated(new R2dbcNonTransientResourceException("no", "P0001"))))
			.isEqualTo(Failure.PERMANENT);
		assertThat(TransientFailures.classify(null)).isEqualTo(Failure.PERMANENT);
	}

	@Test
	void anOutageIsRetriedUntilItEndsAndAPermanentFailureNotAtAll() {
		AtomicInteger runs = new AtomicInteger();
		Mono<String> down = Mono.fromCallable(() -> {
			if (runs.incrementAndGet() < 40) {
				throw translated(new R2dbcNonTransientResourceException("Connection validation failed"));
			}
			return "done";
		});
		StepVerifier.create(down.retryWhen(TransientFailures.retry(Duration.ofMillis(1), Duration.ofMillis(2))))
			.expectNext("done")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(runs).hasValue(40);

		AtomicInteger permanent = new AtomicInteger();
		Mono<String> broken = Mono.fromCallable(() -> {
			permanent.incrementAndGet();
			throw new IllegalStateException("no number");
		});
		StepVerifier.create(broken.retryWhen(TransientFailures.retry()))
			.expectError(IllegalStateException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(permanent).hasValue(1);
	}

	@Test
	void theBackoffIsCappedAndNeverGivesUp() {
		assertThat(TransientFailures.retry().maxAttempts).isEqualTo(Long.MAX_VALUE);
		assertThat(TransientFailures.retry().maxBackoff).isEqualTo(Duration.ofSeconds(30));
		assertThat(TransientFailures.retry().minBackoff).isEqualTo(Duration.ofMillis(100));
	}

	private static RuntimeException translated(io.r2dbc.spi.R2dbcException failure) {
		return ConnectionFactoryUtils.convertR2dbcException("execute", "select 1", failure);
	}

}
