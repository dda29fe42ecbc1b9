package com.waplatform.support.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class PipelineSubscriptionTests {

	private final Sinks.Many<String> work = Sinks.many().unicast().onBackpressureBuffer();

	private final List<String> done = new CopyOnWriteArrayList<>();

	private final AtomicInteger assembled = new AtomicInteger();

	private final PipelineSubscription subscription = new PipelineSubscription(PipelineSubscriptionTests.class,
			"The test pipeline", () -> {
				this.assembled.incrementAndGet();
				return this.work.asFlux().doOnNext(this.done::add);
			});

	@Test
	void runsFromStartUntilStop() {
		this.work.tryEmitNext("queued before start");
		assertThat(this.subscription.isRunning()).isFalse();
		assertThat(this.assembled).hasValue(0);

		this.subscription.start();
		this.work.tryEmitNext("while running");

		assertThat(this.subscription.isRunning()).isTrue();
		assertThat(this.done).containsExactly("queued before start", "while running");

		this.subscription.stop();

		assertThat(this.subscription.isRunning()).isFalse();
		assertThat(this.work.tryEmitNext("after stop")).isEqualTo(Sinks.EmitResult.FAIL_CANCELLED);
		assertThat(this.done).hasSize(2);
	}

	@Test
	void startsOnce() {
		this.subscription.start();
		this.subscription.start();

		assertThat(this.assembled).hasValue(1);
		this.work.tryEmitNext("one");
		assertThat(this.done).containsExactly("one");
		this.subscription.stop();
	}

	@Test
	void aFailureIsLoggedOnTheOwnersLoggerAndTheOwnerStaysRunningUntilStopped(CapturedOutput output) {
		PipelineSubscription failing = new PipelineSubscription(PipelineSubscriptionTests.class, "The failing pipeline",
				() -> Flux.error(new IllegalStateException("boom")));

		failing.start();

		assertThat(output).contains("The failing pipeline stopped")
			.contains(PipelineSubscriptionTests.class.getSimpleName())
			.contains("IllegalStateException: boom");
		assertThat(failing.isRunning()).isTrue();
		failing.stop();
		assertThat(failing.isRunning()).isFalse();
	}

	@Test
	void stopBeforeStartIsHarmless() {
		this.subscription.stop();

		assertThat(this.subscription.isRunning()).isFalse();
	}

}
