package com.waplatform.simulator.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.ledger.LedgerEntry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Posts {@code sent}, {@code delivered} and {@code read} for each accepted message, in
 * that order, at the configured delays after acceptance.
 * <p>
 * Delivery is fire-and-forget from the sender's point of view, as at Meta: the send
 * request is answered at once and statuses follow. So this component owns the one
 * subscription that has to exist somewhere: accepted messages are queued into a sink and
 * a single pipeline, subscribed on start and disposed on stop (on its own scheduler),
 * runs the status sequences concurrently.
 */
@Component
public class StatusWebhooks implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(StatusWebhooks.class);

	private final SimulatorProperties.Webhooks settings;

	private final WebhookSender sender;

	private final Sinks.Many<Job> jobs = Sinks.many().unicast().onBackpressureBuffer();

	private final Scheduler scheduler = Schedulers.newParallel("status-webhooks", 2);

	private volatile @Nullable Disposable subscription;

	StatusWebhooks(SimulatorProperties properties, WebhookSender sender) {
		this.settings = properties.webhooks();
		this.sender = sender;
	}

	/**
	 * Queues the statuses of an accepted message (no-op when status webhooks are off or
	 * the account has no webhook URL).
	 * @param templateCategory the template's category (billing), {@code null} for
	 * free-form messages
	 */
	public void schedule(Account account, LedgerEntry entry, @Nullable String templateCategory) {
		if (!this.settings.enabled()) {
			return;
		}
		this.sender.target(account)
			.ifPresent(
					(target) -> this.jobs.emitNext(new Job(account, target, entry, templateCategory, System.nanoTime()),
							Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))));
	}

	private Mono<Void> deliver(Job job) {
		List<Step> steps = List.of(new Step("sent", this.settings.sentDelay(), true),
				new Step("delivered", this.settings.deliveredDelay(), true),
				new Step("read", this.settings.readDelay(), false));
		return Flux.fromIterable(steps).concatMap((step) -> Mono.defer(() -> {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - job.acceptedAtNanos());
			Duration wait = step.delay().minus(elapsed);
			return Mono.delay(wait.isNegative() ? Duration.ZERO : wait, this.scheduler);
		}).then(Mono.defer(() -> post(job, step))), 1).then();
	}

	private Mono<Boolean> post(Job job, Step step) {
		LedgerEntry entry = job.entry();
		JsonNode pricing = step.withPricing() ? WebhookPayloads.pricing(job.templateCategory()) : null;
		byte[] body = WebhookPayloads.status(job.account(), entry.wamid(), step.status(), entry.waId(),
				entry.bizOpaqueCallbackData(), pricing, Instant.now());
		return this.sender.post(job.target(), job.account(), body, step.status());
	}

	@Override
	public void start() {
		this.subscription = this.jobs.asFlux()
			.flatMap(this::deliver, this.settings.maxConcurrency())
			.subscribe(null, (ex) -> logger.error("Status webhook pipeline stopped", ex));
	}

	@Override
	public void stop() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
		this.subscription = null;
		this.scheduler.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

	private record Job(Account account, URI target, LedgerEntry entry, @Nullable String templateCategory,
			long acceptedAtNanos) {
	}

	private record Step(String status, Duration delay, boolean withPricing) {
	}

}
