package com.waplatform.support.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcRollbackException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.r2dbc.UncategorizedR2dbcException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTests {

	@Test
	void deadlocksAndLockFailuresAreTransientWhereverTheyAreWrapped() {
		// what DatabaseClient reports for a deadlock victim (SQLSTATE 40P01)
		assertThat(TransientFailures.isTransient(new UncategorizedR2dbcException("execute", "insert ...",
				new R2dbcRollbackException("deadlock detected", "40P01"))))
			.isTrue();
		assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock timeout"))).isTrue();
		assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad payload"))).isFalse();
		assertThat(TransientFailures.isTransient(new UncategorizedR2dbcException("execute", "select ...",
				new R2dbcBadGrammarException("syntax error", "42601"))))
			.isFalse();
	}

	@Test
	void aTransientFailureRunsTheWorkAgainAndAPermanentOneDoesNot() {
		AtomicInteger runs = new AtomicInteger();
		Mono<String> flaky = Mono.fromCallable(() -> {
			if (runs.incrementAndGet() < 3) {
				throw new CannotAcquireLockException("deadlock");
			}
			return "done";
		});
		StepVerifier.create(flaky.retryWhen(TransientFailures.retry()))
			.expectNext("done")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(runs).hasValue(3);

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

}
