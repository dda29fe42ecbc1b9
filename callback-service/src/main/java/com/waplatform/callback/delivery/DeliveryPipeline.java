package com.waplatform.callback.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.callback.delivery.CallbackClient.Attempt;
import com.waplatform.callback.delivery.DeliveryStore.Claimed;
import com.waplatform.callback.delivery.domain.Backoff;
import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.support.lifecycle.PipelineSubscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Posts due deliveries, for the bean's whole lifetime: every
 * {@code callbacks.delivery.poll-interval} it claims as many due deliveries as it has
 * free attempt slots ({@code max-in-flight}; a claim reserves them for the timeout plus
 * {@code lease-margin}) and attempts each ({@link CallbackClient}) without waiting for
 * the others, so one slow endpoint never holds up the rest. A 2xx is delivered; anything
 * else, or no answer in time, is retried ({@link Backoff}: exponential, full jitter)
 * until {@code give-up-after} has passed since the first attempt, then given up. After
 * {@code disable-after} consecutive failed attempts the endpoint is disabled
 * automatically, its unfinished deliveries kept until it is enabled again.
 * <p>
 * Delivery is at least once: an instance that dies after the receiver answered and before
 * the outcome was written lets the delivery go out again once its lease ran out, with the
 * same {@code X-Delivery-Id} (receivers deduplicate on it).
 * <p>
 * Metrics: {@code callbacks.deliveries{outcome=delivered|retried|gave_up}},
 * {@code callbacks.delivery.latency} (event read to delivered),
 * {@code callbacks.attempt.duration}, {@code callbacks.endpoints.auto-disabled}.
 */
@Component
class DeliveryPipeline implements SmartLifecycle {

	static final String DELIVERIES_METRIC = "callbacks.deliveries";

	static final String LATENCY_METRIC = "callbacks.delivery.latency";

	static final String AUTO_DISABLED_METRIC = "callbacks.endpoints.auto-disabled";

	private static final Logger logger = LoggerFactory.getLogger(DeliveryPipeline.class);

	private final DeliveryStore store;

	private final CallbackClient client;

	private final CredentialCipher cipher;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final DeliveryProperties properties;

	private final MeterRegistry meters;

	private final Backoff backoff;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final PipelineSubscription subscription;

	DeliveryPipeline(DeliveryStore store, CallbackClient client, CredentialCipher cipher, TransactionalOperator tx,
			Clock clock, DeliveryProperties properties, MeterRegistry meters) {
		this.store = store;
		this.client = client;
		this.cipher = cipher;
		this.tx = tx;
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
		this.backoff = new Backoff(properties.backoffBase(), properties.backoffCap(), properties.giveUpAfter());
		this.subscription = new PipelineSubscription(DeliveryPipeline.class, "The callback delivery pipeline",
				this::pipeline);
	}

	private Flux<Void> pipeline() {
		return Flux.interval(this.properties.pollInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> claim(), 1)
			.flatMap(this::attempt, this.properties.maxInFlight());
	}

	/**
	 * Claims no more than the free attempt slots, so nothing claimed waits in a queue.
	 */
	private Flux<Claimed> claim() {
		int free = Math.min(this.properties.batchSize(), this.properties.maxInFlight() - this.inFlight.get());
		if (free <= 0) {
			return Flux.empty();
		}
		Instant now = this.clock.instant();
		Instant lease = now.plus(this.properties.timeout()).plus(this.properties.leaseMargin());
		return this.store.claim(now, free, lease)
			.collectList()
			.doOnNext((claimed) -> this.inFlight.addAndGet(claimed.size()))
			.flatMapMany(Flux::fromIterable)
			.onErrorResume((ex) -> {
				// the database is away: the next round claims again
				logger.warn("Could not claim due callback deliveries: {}", ex.toString());
				return Flux.empty();
			});
	}

	private Mono<Void> attempt(Claimed claimed) {
		Instant attemptedAt = this.clock.instant();
		return Mono
			.defer(() -> this.client.post(URI.create(claimed.url()), this.cipher.open(claimed.secretSealed()),
					claimed.id(), claimed.body()))
			.flatMap((attempt) -> record(claimed, attemptedAt, attempt))
			.onErrorResume((ex) -> {
				// the outcome could not be written: the lease runs out and it is tried
				// again
				logger.warn("Could not record the attempt of callback delivery {}: {}", claimed.id(), ex.toString());
				return Mono.empty();
			})
			.doFinally((signal) -> this.inFlight.decrementAndGet());
	}

	private Mono<Void> record(Claimed claimed, Instant attemptedAt, Attempt attempt) {
		Timer.builder("callbacks.attempt.duration")
			.description("How long one callback attempt took")
			.register(this.meters)
			.record(attempt.duration());
		Instant now = this.clock.instant();
		if (attempt.delivered()) {
			return this.tx.transactional(this.store.delivered(claimed, attemptedAt, attempt.statusCode(), now))
				.doOnSuccess((done) -> {
					count("delivered");
					Timer.builder(LATENCY_METRIC)
						.description("From the event's arrival to its delivery")
						.register(this.meters)
						.record(Duration.between(claimed.createdAt(), now).toMillis(), TimeUnit.MILLISECONDS);
				})
				.then();
		}
		Instant first = (claimed.firstAttemptAt() != null) ? claimed.firstAttemptAt() : attemptedAt;
		Instant next = this.backoff.next(claimed.attempts() + 1, first, now,
				() -> ThreadLocalRandom.current().nextDouble());
		Mono<Boolean> recorded = this.store.failed(claimed, attemptedAt, attempt.statusCode(), attempt.failure(), next)
			.flatMap(
					(run) -> (run.enabled() && run.failures() >= this.properties.disableAfter())
							? this.store.disable(claimed.endpointId(),
									"Disabled automatically after " + run.failures()
											+ " consecutive failed deliveries (last: " + attempt.failure() + ")",
									now)
							: Mono.just(false));
		return this.tx.transactional(recorded).doOnNext((disabled) -> {
			count((next != null) ? "retried" : "gave_up");
			if (disabled) {
				this.meters.counter(AUTO_DISABLED_METRIC).increment();
				logger.warn("Callback endpoint {} disabled automatically after {} consecutive failures",
						claimed.endpointId(), this.properties.disableAfter());
			}
		}).then();
	}

	private void count(String outcome) {
		this.meters.counter(DELIVERIES_METRIC, "outcome", outcome).increment();
	}

	@Override
	public void start() {
		this.subscription.start();
	}

	@Override
	public void stop() {
		this.subscription.stop();
	}

	@Override
	public boolean isRunning() {
		return this.subscription.isRunning();
	}

}
