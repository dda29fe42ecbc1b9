package com.waplatform.sender.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

import com.waplatform.common.message.Priority;
import org.jspecify.annotations.Nullable;

/**
 * The send schedule of one business number: which of its queued messages may go to Meta
 * now, so that the number keeps its full allowed throughput without ever exceeding it,
 * and no recipient gets more than its pair rate.
 * <ul>
 * <li>One throughput pacer for the number ({@link Pacer}: evenly spaced slots at the rate
 * of its {@link AdaptiveRate}, catching up a late wake-up), bounded by a
 * {@link CallWindow}: never more calls in any second than the rate allows, whole
 * calls.</li>
 * <li>Ready messages by priority: TRANSACTIONAL before BULK, within a priority in
 * admission order (a retried message keeps its place).</li>
 * <li>One pair bucket per recipient ({@link GcraBucket} with a small burst). A message
 * whose recipient has no token left is parked with that recipient and the lane goes on
 * with the next message: a recipient waiting out its pair limit never stalls the others
 * (no head-of-line blocking). Parked messages of a recipient leave in admission
 * order.</li>
 * <li>Delayed messages (retries with backoff) become ready when due.</li>
 * <li>Two steps per send, so that the database write before a call never disturbs the
 * pacing: {@link #prepare} hands out the next messages (pair token taken) for their
 * SENDING record, up to the lead (the calls of {@code lead} time at the current rate);
 * once recorded they are {@link #armed}, and {@link #fire} hands them out for the call
 * exactly at the throughput slots. A slow database write then delays nothing (the lead
 * covers it), and a batch of writes finishing together does not make a burst.</li>
 * <li>At most the calls of {@code inFlight} time at the current rate wait for Meta's
 * answer at once: a slow Meta gets fewer calls, not a queue of them that would time
 * out.</li>
 * </ul>
 * A message is <em>held</em> from {@link #offer} until {@link #release} or
 * {@link #accepted}, also while its call is in flight, so a redelivered request is not
 * queued twice. Not thread-safe: one dispatcher thread owns a lane. Times are monotonic
 * nanoseconds.
 */
public final class NumberLane<T extends LaneItem> {

	private static final long NEVER = Long.MAX_VALUE;

	private static final Comparator<Held<?>> ADMISSION_ORDER = Comparator.comparingLong((held) -> held.sequence);

	private final RateSettings settings;

	private final AdaptiveRate rate;

	private final Pacer throughput;

	private final CallWindow window;

	private final Map<String, Held<T>> held = new HashMap<>();

	private final List<PriorityQueue<Held<T>>> ready = new ArrayList<>();

	private final PriorityQueue<Held<T>> delayed = new PriorityQueue<>(
			Comparator.comparingLong((Held<T> held) -> held.dueAt).thenComparing(ADMISSION_ORDER));

	private final Map<String, Recipient<T>> recipients = new HashMap<>();

	private final PriorityQueue<Held<T>> armed = new PriorityQueue<>(
			Comparator.comparingInt((Held<T> held) -> held.item.priority().ordinal()).thenComparing(ADMISSION_ORDER));

	private final PriorityQueue<Wake<T>> wakes = new PriorityQueue<>(Comparator.comparingLong(Wake::at));

	private final int[] queued = new int[Priority.values().length];

	private long sequence;

	/** Messages handed out by {@link #prepare} and not fired yet (armed or not). */
	private int staged;

	/** Fired messages whose calls have not ended yet. */
	private int calling;

	/** Held messages put back after an unsuccessful try, not fired again yet. */
	private int retrying;

	/** When the armed messages last went from none to some. */
	private long armedSince;

	public NumberLane(double configuredRate, RateSettings settings) {
		this.settings = settings;
		this.rate = new AdaptiveRate(configuredRate, settings);
		this.throughput = new Pacer(settings.intervalNanos(configuredRate), settings.catchUpNanos());
		this.window = new CallWindow(1_000_000_000L);
		for (int i = 0; i < Priority.values().length; i++) {
			this.ready.add(new PriorityQueue<>(ADMISSION_ORDER));
		}
	}

	/** Queues a message; false if the lane holds it already. */
	public boolean offer(T item) {
		if (this.held.containsKey(item.id())) {
			return false;
		}
		Held<T> entry = new Held<>(item, this.sequence++);
		this.held.put(item.id(), entry);
		toReady(entry);
		return true;
	}

	/**
	 * Holds a message that is out of the queue (its outcome is being verified), so that a
	 * redelivery is not queued; false if the lane holds it already.
	 */
	public boolean holdOut(T item) {
		if (this.held.containsKey(item.id())) {
			return false;
		}
		Held<T> entry = new Held<>(item, this.sequence++);
		entry.place = Place.OUT;
		this.held.put(item.id(), entry);
		return true;
	}

	public boolean holds(String id) {
		return this.held.containsKey(id);
	}

	/**
	 * The messages whose call may be prepared now (recorded SENDING), at most {@code max}
	 * and within the lead, in order; each took its recipient's pair token and is out
	 * until {@link #armed}, released or requeued.
	 */
	public List<T> prepare(long now, int max) {
		syncRate(now);
		promote(now);
		int room = Math.min(max, leadSlots(now) - this.staged);
		List<T> out = new ArrayList<>();
		while (out.size() < room) {
			Held<T> next = nextReady();
			if (next == null) {
				break;
			}
			Recipient<T> recipient = recipient(next.item.recipient());
			Held<T> older = recipient.parked.peek();
			if (!recipient.pair.available(now)) {
				park(recipient, next, now);
				continue;
			}
			if (older != null && older.sequence < next.sequence) {
				// the recipient's earlier message goes first
				recipient.parked.poll();
				toReady(older);
				park(recipient, next, now);
				continue;
			}
			recipient.pair.tryTake(now);
			next.place = Place.OUT;
			next.staged = true;
			this.staged++;
			out.add(next.item);
			if (!recipient.parked.isEmpty()) {
				wake(recipient, recipient.pair.availableAt(now));
			}
		}
		return out;
	}

	/** A prepared message was recorded: it waits for its throughput slot. */
	public void armed(String id, long now) {
		Held<T> entry = this.held.get(id);
		if (entry == null || entry.place != Place.OUT || !entry.staged) {
			return;
		}
		if (this.armed.isEmpty()) {
			this.armedSince = now;
		}
		entry.place = Place.ARMED;
		this.armed.add(entry);
	}

	/**
	 * The armed messages whose throughput slot has come, at most {@code max}, by priority
	 * then admission order; each took a throughput token and is out (its call in flight)
	 * until released or requeued.
	 */
	public List<T> fire(long now, int max) {
		syncRate(now);
		List<T> out = new ArrayList<>();
		int limit = windowLimit(now);
		int callLimit = callLimit(now);
		while (out.size() < max && !this.armed.isEmpty() && this.calling < callLimit && this.throughput.available(now)
				&& this.window.availableAt(now, limit) <= now) {
			Held<T> next = this.armed.poll();
			this.throughput.tryTake(now);
			this.window.record(now, limit);
			next.place = Place.OUT;
			unstage(next);
			unretry(next);
			next.calling = true;
			this.calling++;
			out.add(next.item);
		}
		return out;
	}

	/**
	 * When calling {@link #fire} or {@link #prepare} next can make progress
	 * ({@link Long#MAX_VALUE}: nothing to do until a message is offered, armed or
	 * requeued).
	 */
	public long nextWakeUp(long now) {
		long at = NEVER;
		// with every call slot taken, the next call waits for an answer (each outcome
		// reschedules the lane)
		if (!this.armed.isEmpty() && this.calling < callLimit(now)) {
			at = Math.max(this.throughput.availableAt(now), this.window.availableAt(now, windowLimit(now)));
		}
		if (this.staged < leadSlots(now) && !this.ready.stream().allMatch(PriorityQueue::isEmpty)) {
			at = now;
		}
		if (!this.delayed.isEmpty()) {
			at = Math.min(at, this.delayed.peek().dueAt);
		}
		if (!this.wakes.isEmpty()) {
			at = Math.min(at, this.wakes.peek().at());
		}
		return at;
	}

	/** Puts an out message back, ready at {@code dueAt} (it keeps its place in order). */
	public void requeue(String id, long dueAt, long now) {
		Held<T> entry = this.held.get(id);
		if (entry == null || entry.place != Place.OUT) {
			return;
		}
		unstage(entry);
		endCall(entry);
		retry(entry);
		if (dueAt <= now) {
			toReady(entry);
		}
		else {
			entry.dueAt = dueAt;
			enter(entry, Place.DELAYED);
			this.delayed.add(entry);
		}
	}

	/**
	 * Meta refused an out message with 131056: its recipient is held back for 4^(n-1)
	 * seconds (n = refusals in a row), at least the pair interval, at most the maximum
	 * hold ({@link RateSettings#pairHoldNanos}), and the message waits with it.
	 */
	public void pairLimited(String id, long now) {
		Held<T> entry = this.held.get(id);
		if (entry == null || entry.place != Place.OUT) {
			return;
		}
		unstage(entry);
		endCall(entry);
		retry(entry);
		Recipient<T> recipient = recipient(entry.item.recipient());
		recipient.strikes++;
		recipient.pair.blockUntil(now + this.settings.pairHoldNanos(recipient.strikes));
		park(recipient, entry, now);
	}

	/**
	 * The call of an out message ended without an outcome for the lane (it timed out or
	 * the connection broke; its message stays held while its outcome is verified): it no
	 * longer counts in flight.
	 */
	public void callEnded(String id) {
		Held<T> entry = this.held.get(id);
		if (entry != null) {
			endCall(entry);
		}
	}

	/** Meta refused a call with 130429: lowers the number's rate (see AdaptiveRate). */
	public boolean throttled(long now) {
		return this.rate.throttled(now);
	}

	/**
	 * Meta accepted an out message: it leaves the lane, its recipient is in good
	 * standing.
	 */
	public void accepted(String id) {
		Held<T> entry = this.held.get(id);
		if (entry != null) {
			Recipient<T> recipient = this.recipients.get(entry.item.recipient());
			if (recipient != null) {
				recipient.strikes = 0;
			}
		}
		release(id);
	}

	/** The message leaves the lane for good (final, dead-lettered, or handed over). */
	public @Nullable T release(String id) {
		Held<T> entry = this.held.remove(id);
		if (entry == null) {
			return null;
		}
		unlink(entry);
		return entry.item;
	}

	/**
	 * Removes the queued (not out, not armed) messages that match, e.g. those whose TTL
	 * elapsed.
	 */
	public List<T> removeIf(Predicate<T> predicate) {
		List<T> removed = new ArrayList<>();
		Iterator<Held<T>> entries = this.held.values().iterator();
		while (entries.hasNext()) {
			Held<T> entry = entries.next();
			if (entry.place != Place.OUT && entry.place != Place.ARMED && predicate.test(entry.item)) {
				entries.remove();
				unlink(entry);
				removed.add(entry.item);
			}
		}
		return removed;
	}

	/** Forgets recipients with nothing parked whose pair bucket is full again. */
	public void prune(long now) {
		this.recipients.values()
			.removeIf(
					(recipient) -> recipient.parked.isEmpty() && recipient.wakeAt == NEVER && recipient.pair.idle(now));
	}

	public void configure(double configuredRate) {
		if (configuredRate != this.rate.configured()) {
			this.rate.configure(configuredRate);
		}
	}

	/** The rate the number may send at now (messages per second, before utilization). */
	public double allowedRate(long now) {
		return this.rate.current(now);
	}

	/** Messages held: queued, delayed, parked or out. */
	public int size() {
		return this.held.size();
	}

	/** Messages waiting for their calls to be prepared, of one priority. */
	public int queued(Priority priority) {
		return this.queued[priority.ordinal()];
	}

	/**
	 * Since when the next call has been due: its throughput slot, or the arming of the
	 * first armed message when the slot came with nothing armed (at or before
	 * {@code now}: the dispatcher is that late; after it: not due yet).
	 */
	public long callDueSince(long now) {
		return Math.max(this.armedSince,
				Math.max(this.throughput.availableAt(now), this.window.availableAt(now, windowLimit(now))));
	}

	/** Calls made and not answered yet. */
	public int calling() {
		return this.calling;
	}

	/**
	 * Held messages waiting for a retry: put back after an unsuccessful try (Meta's
	 * refusal or outage, a limit, a pause, a failed write) and not called again yet.
	 */
	public int retrying() {
		return this.retrying;
	}

	/** The number's throughput as configured (Meta's limit), before any 130429. */
	public double configuredRate() {
		return this.rate.configured();
	}

	/** Messages prepared or armed whose calls have not been made yet. */
	public int staged() {
		return this.staged;
	}

	/** Calls allowed in any second: the allowed rate after utilization, whole calls. */
	private int windowLimit(long now) {
		return (int) Math.max(1, Math.floor(this.rate.current(now) * this.settings.utilization()));
	}

	private int callLimit(long now) {
		return callsIn(this.settings.inFlightNanos(), now);
	}

	private int leadSlots(long now) {
		return callsIn(this.settings.leadNanos(), now);
	}

	/** The calls of {@code nanos} at the current rate (at least one). */
	private int callsIn(long nanos, long now) {
		return (int) Math.max(1, Math.ceil(this.rate.current(now) * nanos / 1e9));
	}

	private void syncRate(long now) {
		this.throughput.interval(this.settings.intervalNanos(this.rate.current(now)));
	}

	private void unstage(Held<T> entry) {
		if (entry.staged) {
			entry.staged = false;
			this.staged--;
		}
	}

	private void endCall(Held<T> entry) {
		if (entry.calling) {
			entry.calling = false;
			this.calling--;
		}
	}

	private @Nullable Held<T> nextReady() {
		for (PriorityQueue<Held<T>> queue : this.ready) {
			Held<T> next = queue.poll();
			if (next != null) {
				leave(next);
				return next;
			}
		}
		return null;
	}

	private void promote(long now) {
		while (!this.delayed.isEmpty() && this.delayed.peek().dueAt <= now) {
			Held<T> due = this.delayed.poll();
			leave(due);
			toReady(due);
		}
		while (!this.wakes.isEmpty() && this.wakes.peek().at() <= now) {
			Wake<T> wake = this.wakes.poll();
			Recipient<T> recipient = wake.recipient();
			if (recipient.wakeAt != wake.at() || this.recipients.get(recipient.id) != recipient) {
				continue;
			}
			recipient.wakeAt = NEVER;
			if (recipient.parked.isEmpty()) {
				continue;
			}
			if (recipient.pair.available(now)) {
				Held<T> head = recipient.parked.poll();
				leave(head);
				toReady(head);
			}
			else {
				wake(recipient, recipient.pair.availableAt(now));
			}
		}
	}

	private void park(Recipient<T> recipient, Held<T> entry, long now) {
		enter(entry, Place.PARKED);
		recipient.parked.add(entry);
		wake(recipient, Math.max(now, recipient.pair.availableAt(now)));
	}

	private void wake(Recipient<T> recipient, long at) {
		if (at < recipient.wakeAt) {
			recipient.wakeAt = at;
			this.wakes.add(new Wake<>(recipient, at));
		}
	}

	private void toReady(Held<T> entry) {
		enter(entry, Place.READY);
		this.ready.get(entry.item.priority().ordinal()).add(entry);
	}

	private void unlink(Held<T> entry) {
		switch (entry.place) {
			case READY -> this.ready.get(entry.item.priority().ordinal()).remove(entry);
			case DELAYED -> this.delayed.remove(entry);
			case ARMED -> {
				this.armed.remove(entry);
				entry.place = Place.OUT;
			}
			case PARKED -> {
				Recipient<T> recipient = this.recipients.get(entry.item.recipient());
				if (recipient != null) {
					recipient.parked.remove(entry);
				}
			}
			case OUT -> {
			}
		}
		unstage(entry);
		endCall(entry);
		unretry(entry);
		leave(entry);
	}

	private void retry(Held<T> entry) {
		if (!entry.retrying) {
			entry.retrying = true;
			this.retrying++;
		}
	}

	private void unretry(Held<T> entry) {
		if (entry.retrying) {
			entry.retrying = false;
			this.retrying--;
		}
	}

	private void enter(Held<T> entry, Place place) {
		if (entry.place == Place.OUT) {
			this.queued[entry.item.priority().ordinal()]++;
		}
		entry.place = place;
	}

	private void leave(Held<T> entry) {
		if (entry.place != Place.OUT) {
			this.queued[entry.item.priority().ordinal()]--;
		}
		entry.place = Place.OUT;
	}

	private Recipient<T> recipient(String id) {
		return this.recipients.computeIfAbsent(id,
				(key) -> new Recipient<>(key, new GcraBucket(this.settings.pairIntervalNanos(),
						(this.settings.pairBurst() - 1L) * this.settings.pairIntervalNanos())));
	}

	private enum Place {

		READY, DELAYED, PARKED, ARMED, OUT

	}

	private static final class Held<T> {

		final T item;

		final long sequence;

		Place place = Place.OUT;

		/** Handed out by prepare, not fired yet. */
		boolean staged;

		/** Fired, its call not ended yet. */
		boolean calling;

		/** Put back after an unsuccessful try, not fired again yet. */
		boolean retrying;

		long dueAt;

		Held(T item, long sequence) {
			this.item = item;
			this.sequence = sequence;
		}

	}

	private static final class Recipient<T> {

		final String id;

		final GcraBucket pair;

		final PriorityQueue<Held<T>> parked = new PriorityQueue<>(ADMISSION_ORDER);

		long wakeAt = NEVER;

		int strikes;

		Recipient(String id, GcraBucket pair) {
			this.id = id;
			this.pair = pair;
		}

	}

	private record Wake<T>(Recipient<T> recipient, long at) {
	}

}
