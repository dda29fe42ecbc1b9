package com.waplatform.sender.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.waplatform.common.message.Priority;
import com.waplatform.sender.domain.NumberLane;
import com.waplatform.sender.domain.RateSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * The lane of an organization's business number at run time: its schedule
 * ({@link NumberLane}), its wake-up timer, whether messages of it were left in the table
 * (spilled), and its gauges. Owned by the dispatcher thread; the gauges read volatile
 * copies.
 */
final class Lane {

	static final long NEVER = Long.MAX_VALUE;

	/** What the lane registry finds the lane by: the organization and its number. */
	private final Key key;

	private final String phoneNumberId;

	private final String organizationId;

	private final int partition;

	private final NumberLane<QueuedMessage> queue;

	/** Messages of this number are in the table but not in memory. */
	private boolean spilled;

	/**
	 * Admissions left in the table while a load ran (it may have read the table before
	 * they were written): looked at when the load is done, so that the lane can stop
	 * being spilled while admissions keep coming.
	 */
	private final List<QueuedMessage> admittedDuringLoad = new ArrayList<>();

	/** More admissions came during the load than the lane could hold. */
	private boolean missedDuringLoad;

	private boolean reloading;

	/**
	 * Not null: the next load takes over the number's SENDING rows too whose call started
	 * before this time (partitions were just assigned: a previous owner may have left
	 * calls without an outcome; or the sweep looks for rows whose outcome was lost).
	 * Otherwise every SENDING row of the number is this lane's own, held until its
	 * outcome, and one found without the lane holding it was completed while the load
	 * ran.
	 */
	private @Nullable Instant takeOver;

	private @Nullable Disposable wake;

	private long wakeAt = NEVER;

	/** Its partition was revoked: the lane is no longer this instance's. */
	private boolean dropped;

	private volatile double allowedRate;

	private volatile double configuredRate;

	private final int[] depth = new int[Priority.values().length];

	private volatile int calling;

	private volatile int spilledFlag;

	private final List<Meter> meters = new ArrayList<>();

	/** The {@code organization} tag of the registered gauges (null: none registered). */
	private @Nullable String organizationTag;

	Lane(String phoneNumberId, String organizationId, int partition, double throughput, RateSettings settings) {
		this.key = new Key(organizationId, phoneNumberId);
		this.phoneNumberId = phoneNumberId;
		this.organizationId = organizationId;
		this.partition = partition;
		this.queue = new NumberLane<>(throughput, settings);
		this.allowedRate = throughput;
		this.configuredRate = throughput;
	}

	/**
	 * Registers the lane's gauges, tagged with the number and {@code organization}
	 * ({@link SendMetrics#organizationTag}); registers them again when that tag changed
	 * (the directory learnt the number, or it moved to another organization).
	 */
	void registerGauges(MeterRegistry registry, String organization) {
		if (organization.equals(this.organizationTag)) {
			return;
		}
		removeGauges(registry);
		this.organizationTag = organization;
		this.meters.add(Gauge.builder("sender.rate.allowed", this, (lane) -> lane.allowedRate)
			.description("Messages per second the number may send now (configured, lowered after 130429)")
			.tag("phone_number_id", this.phoneNumberId)
			.tag("organization", organization)
			.register(registry));
		this.meters.add(Gauge.builder("sender.rate.limit", this, (lane) -> lane.configuredRate)
			.description("Messages per second the number is configured for (its Meta throughput)")
			.tag("phone_number_id", this.phoneNumberId)
			.tag("organization", organization)
			.register(registry));
		this.meters.add(Gauge.builder("sender.lane.inflight", this, (lane) -> lane.calling)
			.description("Calls of the number awaiting Meta's answer (at most sender.rate-limit.in-flight of calls)")
			.tag("phone_number_id", this.phoneNumberId)
			.tag("organization", organization)
			.register(registry));
		this.meters.add(Gauge.builder("sender.lane.spilled", this, (lane) -> lane.spilledFlag)
			.description("1 while messages of the number wait in the table for room in its lane")
			.tag("phone_number_id", this.phoneNumberId)
			.tag("organization", organization)
			.register(registry));
		for (Priority priority : Priority.values()) {
			this.meters.add(Gauge.builder("sender.queue.depth", this, (lane) -> lane.depth[priority.ordinal()])
				.description("Messages waiting to be sent, by number and priority")
				.tag("phone_number_id", this.phoneNumberId)
				.tag("organization", organization)
				.tag("priority", priority.name())
				.register(registry));
		}
	}

	Key key() {
		return this.key;
	}

	String phoneNumberId() {
		return this.phoneNumberId;
	}

	String organizationId() {
		return this.organizationId;
	}

	int partition() {
		return this.partition;
	}

	/** Its schedule. */
	NumberLane<QueuedMessage> queue() {
		return this.queue;
	}

	// --- spill and load ---

	/** Messages of the number are (or may be) in the table but not in the lane. */
	void spill() {
		this.spilled = true;
	}

	boolean spilled() {
		return this.spilled;
	}

	/**
	 * An admission left in the table while the lane is spilled: remembered if a load is
	 * running (at most {@code max}), so that the load's end can look at it.
	 */
	void admittedWhileSpilled(QueuedMessage message, int max) {
		if (!this.reloading) {
			return;
		}
		if (this.admittedDuringLoad.size() < max) {
			this.admittedDuringLoad.add(message);
		}
		else {
			this.missedDuringLoad = true;
		}
	}

	/** Takes over SENDING rows started before {@code startedBefore} at the next load. */
	void takeOver(Instant startedBefore) {
		if (this.takeOver == null || this.takeOver.isBefore(startedBefore)) {
			this.takeOver = startedBefore;
		}
	}

	/** Spilled, not loading and still this instance's. */
	boolean wantsLoad() {
		return !this.reloading && this.spilled && !this.dropped;
	}

	/**
	 * A load starts: returns the take-over time it serves (null: none), which the lane
	 * forgets.
	 */
	@Nullable Instant loadStarted() {
		this.reloading = true;
		Instant startedBefore = this.takeOver;
		this.takeOver = null;
		return startedBefore;
	}

	/** The load failed: the lane stays spilled and the next load takes over again. */
	void loadFailed(@Nullable Instant startedBefore) {
		this.reloading = false;
		if (startedBefore != null) {
			takeOver(startedBefore);
		}
		this.admittedDuringLoad.clear();
		this.missedDuringLoad = false;
	}

	/** The load's rows arrived; the admissions left in the table while it ran follow. */
	List<QueuedMessage> loadArrived() {
		this.reloading = false;
		return List.copyOf(this.admittedDuringLoad);
	}

	/**
	 * The loaded messages are queued: the lane is no longer spilled if the load read all
	 * of the number's rows ({@code complete}) and none of them or of the admissions
	 * during it were left for want of room.
	 */
	void loadQueued(boolean complete) {
		if (complete && !this.missedDuringLoad) {
			this.spilled = false;
		}
		this.admittedDuringLoad.clear();
		this.missedDuringLoad = false;
	}

	// --- wake-up timer ---

	/** Whether a wake-up is set at or before {@code at}. */
	boolean wakesBy(long at) {
		return this.wake != null && this.wakeAt <= at;
	}

	boolean hasWake() {
		return this.wake != null;
	}

	/** Sets the wake-up at {@code at}, replacing the one set. */
	void wakeAt(long at, Function<Long, Disposable> schedule) {
		cancelWake();
		this.wakeAt = at;
		this.wake = schedule.apply(at);
	}

	/** The wake-up fired. */
	void woke() {
		this.wake = null;
		this.wakeAt = NEVER;
	}

	private void cancelWake() {
		if (this.wake != null) {
			this.wake.dispose();
		}
	}

	// --- ownership ---

	/** Its partition was revoked: no more wake-ups, loads or gauges. */
	void drop(MeterRegistry registry) {
		this.dropped = true;
		cancelWake();
		removeGauges(registry);
	}

	/** No longer this instance's lane (a new one of its key may exist). */
	boolean dropped() {
		return this.dropped;
	}

	private void removeGauges(MeterRegistry registry) {
		this.meters.forEach(registry::remove);
		this.meters.clear();
		this.organizationTag = null;
	}

	void refreshGauges(long now) {
		this.allowedRate = this.queue.allowedRate(now);
		this.configuredRate = this.queue.configuredRate();
		this.calling = this.queue.calling();
		this.spilledFlag = this.spilled ? 1 : 0;
		for (Priority priority : Priority.values()) {
			this.depth[priority.ordinal()] = this.queue.queued(priority);
		}
	}

	/**
	 * A lane's identity: the organization and the business number it sends from. Once the
	 * directory knows a number, only its organization's lane of it calls Meta; a lane of
	 * another organization's number only dead-letters its messages.
	 */
	record Key(String organizationId, String phoneNumberId) {
	}

}
