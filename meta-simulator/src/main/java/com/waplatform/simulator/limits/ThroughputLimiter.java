package com.waplatform.simulator.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.graph.GraphErrors;
import com.waplatform.simulator.graph.GraphException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Messages per second per business number (130429), measured over a sliding window of the
 * last second in 10 ms buckets (see {@link SlidingWindowCounter}). Every send that passed
 * the token and number checks counts once, whether it is then accepted or refused for
 * another reason; sends refused with 130429 themselves do not count (otherwise a client
 * slightly over the limit would see its refusals fill the window and lose most of its
 * traffic rather than the excess).
 */
@Component
public class ThroughputLimiter {

	static final Duration WINDOW = Duration.ofSeconds(1);

	static final int BUCKETS = 100;

	private final Map<String, SlidingWindowCounter> byNumber = new ConcurrentHashMap<>();

	private final SimulatorProperties.Limits settings;

	private final LongSupplier nanoTime;

	@Autowired
	ThroughputLimiter(SimulatorProperties properties) {
		this(properties.limits(), System::nanoTime);
	}

	ThroughputLimiter(SimulatorProperties.Limits settings, LongSupplier nanoTime) {
		this.settings = settings;
		this.nanoTime = nanoTime;
	}

	/** The account's messages per second. */
	public int limitOf(Account account) {
		return (account.throughputPerSecond() != null) ? account.throughputPerSecond()
				: this.settings.throughputPerSecond();
	}

	/**
	 * Counts a send of the account's number.
	 * @throws GraphException 130429 when the last second already holds the limit
	 */
	public void acquire(Account account) {
		acquire(account, this.nanoTime.getAsLong());
	}

	/**
	 * Counts a send of the account's number that arrived at {@code arrivedAt} (see
	 * {@link ArrivalTimeFilter}).
	 * @throws GraphException 130429 when the second before it already holds the limit
	 */
	public void acquire(Account account, long arrivedAt) {
		if (!counter(account.phoneNumberId()).tryAcquire(limitOf(account), arrivedAt)) {
			throw GraphErrors.throughputReached(this.settings.throughputHttpStatus());
		}
	}

	/** Counts a send that was refused before the throughput check (it was an attempt). */
	public void record(String phoneNumberId) {
		record(phoneNumberId, this.nanoTime.getAsLong());
	}

	/**
	 * Counts a send that arrived at {@code arrivedAt} and was refused before the check.
	 */
	public void record(String phoneNumberId, long arrivedAt) {
		counter(phoneNumberId).record(arrivedAt);
	}

	/** Sends counted in the last second. */
	public long currentCount(String phoneNumberId) {
		SlidingWindowCounter counter = this.byNumber.get(phoneNumberId);
		return (counter != null) ? counter.count(this.nanoTime.getAsLong()) : 0;
	}

	public void reset() {
		this.byNumber.clear();
	}

	private SlidingWindowCounter counter(String phoneNumberId) {
		return this.byNumber.computeIfAbsent(phoneNumberId, (id) -> new SlidingWindowCounter(WINDOW, BUCKETS));
	}

}
