package com.waplatform.sender.dispatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.meta.MetaCircuitBreakers;
import com.waplatform.sender.store.Messages;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.lifecycle.PipelineSubscription;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the admitted messages of the business numbers this instance owns (the partitions
 * of {@code wa.send-requests} assigned to it), each number at its full allowed rate: the
 * entry points of the other parts of the sender, and the composition of the dispatch
 * core, each part owned by the one dispatcher thread ({@link Dispatcher}):
 * <ul>
 * <li>{@link LaneOwnership}: the lanes by organization and number, the partitions owned,
 * loading lanes from the table (spill and reload), taking over assigned partitions and
 * sweeping orphaned rows;</li>
 * <li>{@link DispatchLoop}: waking and draining lanes, the readiness gate, the breaker
 * budget, housekeeping;</li>
 * <li>{@link Verdicts}: what a lane does with the outcome of a piece of work (retry,
 * dead-letter, throttle, hold the recipient, verify an unconfirmed call).</li>
 * </ul>
 * The work pipeline is one subscription for the engine's lifetime
 * ({@link PipelineSubscription}), opened in {@link #start()} and disposed in
 * {@link #stop()}; a piece of work that fails unexpectedly is logged and its message
 * retried, so that one bad message can never stop the pipeline.
 */
@Component
public class SendEngine implements SmartLifecycle {

	private final Dispatcher dispatcher;

	private final Verifications verifications;

	private final Verdicts verdicts;

	private final LaneOwnership ownership;

	private final DispatchLoop loop;

	private final OrganizationPauses pauses;

	private final QueueProperties queue;

	private final PipelineSubscription pipeline;

	SendEngine(MessageWork work, Messages messages, AccountDirectory accounts, MetaCircuitBreakers breakers,
			OrganizationPauses pauses, StatusHistory history, SendMetrics metrics, RateLimitProperties rateLimit,
			RetryProperties retry, QueueProperties queue, VerificationProperties verification) {
		this.pauses = pauses;
		this.queue = queue;
		this.dispatcher = new Dispatcher(queue.maxInFlight());
		this.verifications = new Verifications(verification, metrics.registry());
		// the parts call each other on the dispatcher thread only, after construction
		this.verdicts = new Verdicts(this.dispatcher, work, history, accounts, metrics, retry, this.verifications,
				verification, this::reschedule, this::reload);
		this.ownership = new LaneOwnership(this.dispatcher, messages, accounts, metrics, rateLimit, queue, retry,
				this.verifications, this.verdicts, this::reschedule);
		this.loop = new DispatchLoop(this.dispatcher, this.ownership, this.verdicts, work, accounts, breakers, pauses,
				metrics, queue, retry);
		this.pipeline = new PipelineSubscription(SendEngine.class, "The send pipeline",
				// nothing is prepared, called or dead-lettered before the directory has
				// read wa.accounts: a message of a number it has not read yet would be
				// taken for one of an unknown number
				() -> accounts.ready()
					.doOnSuccess((ready) -> this.dispatcher.run(this.loop::directoryReady))
					.thenMany(this.dispatcher.work()));
	}

	private void reschedule(Lane lane) {
		this.loop.reschedule(lane);
	}

	private void reload(Lane lane) {
		this.ownership.reload(lane);
	}

	// --- entry points (any thread) ---

	/** Queues a message recorded PENDING. */
	public void enqueue(SendRequest request, int partition, long offset, Instant admittedAt, int failures,
			@Nullable String traceparent) {
		QueuedMessage message = new QueuedMessage(request, partition, offset, admittedAt, traceparent);
		message.failures = failures;
		this.dispatcher.run(() -> this.ownership.enqueue(message));
	}

	/**
	 * Takes over a message found SENDING (its last call has no recorded outcome): it is
	 * verified against Meta's statuses before it is sent again.
	 */
	public void verify(SendRequest request, int partition, long offset, @Nullable Instant attemptStartedAt,
			int failures, @Nullable String traceparent) {
		this.dispatcher.run(() -> {
			QueuedMessage message = new QueuedMessage(request, partition, offset, Instant.now(), traceparent);
			message.failures = failures;
			Lane lane = this.ownership.lane(request.phoneNumberId(), request.organizationId(), partition);
			if (lane.queue().holdOut(message)) {
				this.verdicts.takeOverVerifying(lane, message, attemptStartedAt);
			}
		});
	}

	/** Meta confirmed a message (a status webhook for it arrived). */
	public void confirmed(String messageId, String wamid) {
		if (this.verifications.pending(messageId)) {
			this.dispatcher.run(() -> this.verdicts.confirm(messageId, wamid));
		}
	}

	/**
	 * Partitions of {@code wa.send-requests} assigned: take over their unsent messages.
	 */
	public void assigned(Collection<Integer> partitions) {
		List<Integer> assigned = List.copyOf(partitions);
		this.dispatcher.run(() -> this.ownership.assigned(assigned));
	}

	/**
	 * Every {@code sender.queue.sweep}: gives every PENDING or SENDING row of the owned
	 * partitions that its lane does not hold back to its lane, a SENDING one through
	 * verification. Rows are orphaned when a database error hit the work that should have
	 * put them back (a confirmation, a release), or a load failed.
	 */
	@Scheduled(fixedDelayString = "${sender.queue.sweep:1m}", initialDelayString = "${sender.queue.sweep:1m}")
	public Mono<Void> sweep() {
		// a SENDING row whose call started a sweep ago is not in flight: its outcome was
		// lost
		return Mono.fromRunnable(
				() -> this.dispatcher.run(() -> this.ownership.sweep(Instant.now().minus(this.queue.sweep()))));
	}

	/**
	 * Partitions revoked: their numbers' lanes are dropped (calls in flight complete and
	 * are recorded; the new owner reloads the rest from the table).
	 */
	public void revoked(Collection<Integer> partitions) {
		List<Integer> revoked = List.copyOf(partitions);
		this.dispatcher.run(() -> this.ownership.revoked(revoked));
	}

	/**
	 * Every {@code sender.queue.housekeeping}: reads the pauses once, resumes
	 * organizations whose credentials were updated, and on the dispatcher thread expires
	 * queued messages, decides verifications whose window ended, reloads lanes from the
	 * table and wakes lanes that should be running.
	 */
	@Scheduled(fixedDelayString = "${sender.queue.housekeeping:250ms}")
	public Mono<Void> housekeeping() {
		// deferred: Spring invokes the method once and subscribes to its Mono on every
		// tick
		return Mono.defer(() -> this.pauses.ensureLoaded()
			.then(this.pauses.resumeUpdated())
			.doOnNext((resumed) -> this.dispatcher.run(() -> this.loop.housekeep(resumed)))
			.then());
	}

	/**
	 * How each lane of a number this instance owns sends right now, read on the
	 * dispatcher thread (the lanes' only thread); lanes of a number the directory does
	 * not know as their organization's are left out (they never call Meta).
	 */
	Mono<List<LaneState>> lanesNow() {
		return Mono.create((sink) -> {
			try {
				this.dispatcher.run(() -> sink.success(this.ownership.states(System.nanoTime())));
			}
			catch (RejectedExecutionException ex) {
				// stopping: the dispatcher is gone, and so are the lanes
				sink.success(List.of());
			}
		});
	}

	// --- lifecycle ---

	@Override
	public void start() {
		this.pipeline.start();
	}

	@Override
	public void stop() {
		this.pipeline.stop();
		this.dispatcher.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.pipeline.isRunning();
	}

	/** Before the Kafka listener containers start, after they stop. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 200;
	}

	/**
	 * A lane's sending state: its rate now and as configured, the messages it holds
	 * (queued, waiting for tokens, in a call or being verified) and those of them waiting
	 * for a retry.
	 */
	record LaneState(String organizationId, String phoneNumberId, double allowedPerSecond, double limitPerSecond,
			int held, int retrying) {
	}

}
