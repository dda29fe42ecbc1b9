package com.waplatform.simulator.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.faults.FaultProfile;
import com.waplatform.simulator.faults.Faults;
import com.waplatform.simulator.ledger.LedgerEntry;
import com.waplatform.simulator.lifecycle.PipelineSubscription;
import com.waplatform.simulator.webhooks.WebhookPayloads.AccountStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Posts {@code sent}, {@code delivered} and {@code read} for each accepted message, in
 * that order, at the configured delays after acceptance (unless the number's fault
 * profile duplicates, reorders or delays them: decided when the message is accepted).
 * <p>
 * Delivery is fire-and-forget from the sender's point of view, as at Meta: the send
 * request is answered at once and statuses follow. So this component owns the one
 * subscription that has to exist somewhere: accepted messages are queued into a sink and
 * a single pipeline, subscribed on start and disposed on stop
 * ({@link PipelineSubscription}, on its own scheduler), runs the status sequences
 * concurrently. Other webhook work (template status updates) goes through the same
 * pipeline ({@link #submit}). With {@code max-statuses-per-post} above 1, statuses due
 * within a {@code batch-window} share one POST, as Meta's do under load: at 1,000
 * messages a second most of the 3,000 POSTs a second to sign, send and receive are saved.
 */
@Component
public class StatusWebhooks implements SmartLifecycle {

	private final SimulatorProperties.Webhooks settings;

	private final WebhookSender sender;

	private final Faults faults;

	private final Sinks.Many<Mono<Void>> jobs = Sinks.many().unicast().onBackpressureBuffer();

	/** Statuses waiting to share a POST (alone in it at max-statuses-per-post 1). */
	private final Sinks.Many<Batched> batched = Sinks.many().unicast().onBackpressureBuffer();

	private final Scheduler scheduler = Schedulers.newParallel("status-webhooks", 2);

	private final PipelineSubscription pipeline = new PipelineSubscription(StatusWebhooks.class,
			"Status webhook pipeline", this::assemble);

	StatusWebhooks(SimulatorProperties properties, WebhookSender sender, Faults faults) {
		this.settings = properties.webhooks();
		this.sender = sender;
		this.faults = faults;
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
		this.sender.target(account).ifPresent((target) -> {
			Job job = new Job(account, target, entry, templateCategory, System.nanoTime(),
					steps(this.faults.webhookFaults(account.phoneNumberId())));
			submit(Mono.defer(() -> deliver(job)));
		});
	}

	/** Runs webhook work on the pipeline; the work must not fail. */
	void submit(Mono<Void> work) {
		this.jobs.emitNext(work, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	/**
	 * The statuses to post, with the fault profile's reordering, duplicates and delay.
	 */
	private List<Step> steps(FaultProfile.WebhookFaults hooks) {
		List<String> statuses = new ArrayList<>(List.of("sent", "delivered", "read"));
		if (this.faults.chance(hooks.reorderRate())) {
			int first = this.faults.nextInt(2);
			Collections.swap(statuses, first, first + 1);
		}
		List<Duration> delays = List.of(this.settings.sentDelay(), this.settings.deliveredDelay(),
				this.settings.readDelay());
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < statuses.size(); i++) {
			String status = statuses.get(i);
			steps.add(new Step(status, delays.get(i).plus(hooks.delayDuration()), !"read".equals(status),
					this.faults.chance(hooks.duplicateRate())));
		}
		return List.copyOf(steps);
	}

	private Mono<Void> deliver(Job job) {
		return Flux.fromIterable(job.steps()).concatMap((step) -> Mono.defer(() -> {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - job.acceptedAtNanos());
			Duration wait = step.delay().minus(elapsed);
			return Mono.delay(wait.isNegative() ? Duration.ZERO : wait, this.scheduler);
		})
			.then(Mono.defer(() -> post(job, step)))
			.flatMap((delivered) -> step.duplicate() ? post(job, step) : Mono.just(delivered)), 1).then();
	}

	private Mono<Boolean> post(Job job, Step step) {
		LedgerEntry entry = job.entry();
		JsonNode pricing = step.withPricing() ? WebhookPayloads.pricing(job.templateCategory()) : null;
		AccountStatus status = new AccountStatus(job.account(), WebhookPayloads.status(entry.wamid(), step.status(),
				entry.waId(), entry.bizOpaqueCallbackData(), pricing, Instant.now()));
		return Mono.create((delivered) -> this.batched.emitNext(new Batched(job.target(), status, delivered),
				Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))));
	}

	/**
	 * Posts a window's statuses, one POST per endpoint and signing secret; each status
	 * learns whether its POST was delivered.
	 */
	private Flux<Void> postBatches(List<Batched> window) {
		Map<List<Object>, List<Batched>> byPost = new LinkedHashMap<>();
		for (Batched status : window) {
			byPost
				.computeIfAbsent(List.of(status.target(), status.status().account().appSecret()),
						(key) -> new ArrayList<>())
				.add(status);
		}
		return Flux.fromIterable(byPost.values()).flatMap((post) -> {
			List<AccountStatus> statuses = post.stream().map(Batched::status).toList();
			List<String> kinds = statuses.stream().map((status) -> status.status().status()).toList();
			return this.sender
				.post(post.get(0).target(), statuses.get(0).account(), WebhookPayloads.statuses(statuses), kinds)
				.doOnNext((delivered) -> post.forEach((status) -> status.delivered().success(delivered)))
				.then();
		});
	}

	/** The status sequences and the batched POSTs, run together. */
	private Flux<Void> assemble() {
		Flux<Void> sequences = this.jobs.asFlux().flatMap((work) -> work, this.settings.maxConcurrency());
		Flux<Void> batches = this.batched.asFlux()
			.bufferTimeout(this.settings.maxStatusesPerPost(), this.settings.batchWindow(), this.scheduler, true)
			.flatMap(this::postBatches, this.settings.maxConcurrency());
		return Flux.merge(sequences, batches);
	}

	@Override
	public void start() {
		this.pipeline.start();
	}

	@Override
	public void stop() {
		this.pipeline.stop();
		this.scheduler.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.pipeline.isRunning();
	}

	private record Job(Account account, URI target, LedgerEntry entry, @Nullable String templateCategory,
			long acceptedAtNanos, List<Step> steps) {
	}

	private record Step(String status, Duration delay, boolean withPricing, boolean duplicate) {
	}

	private record Batched(URI target, AccountStatus status, MonoSink<Boolean> delivered) {
	}

}
