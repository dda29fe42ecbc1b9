package com.waplatform.simulator.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.graph.GraphErrors;
import com.waplatform.simulator.graph.GraphException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Meta's (business number, customer) pair rate limit (131056): a {@link PairTokenBucket}
 * per pair, of capacity {@code pair-burst} (the account's or {@code simulator.limits}'),
 * refilled one message per {@code simulator.limits.pair-interval}. Only accepted messages
 * use a token. Full buckets are forgotten now and then so that a run over millions of
 * recipients does not keep them all.
 */
@Component
public class PairRateLimiter {

	private static final int SWEEP_EVERY = 50_000;

	private final Map<Pair, PairTokenBucket> buckets = new ConcurrentHashMap<>();

	private final AtomicLong acquisitions = new AtomicLong();

	private final SimulatorProperties.Limits settings;

	private final LongSupplier nanoTime;

	@Autowired
	PairRateLimiter(SimulatorProperties properties) {
		this(properties.limits(), System::nanoTime);
	}

	PairRateLimiter(SimulatorProperties.Limits settings, LongSupplier nanoTime) {
		this.settings = settings;
		this.nanoTime = nanoTime;
	}

	public int burstOf(Account account) {
		return (account.pairBurst() != null) ? account.pairBurst() : this.settings.pairBurst();
	}

	/**
	 * Takes the pair's token for one message.
	 * @throws GraphException 131056 when the pair has none left
	 */
	public void acquire(Account account, String waId) {
		long now = this.nanoTime.getAsLong();
		if (this.acquisitions.incrementAndGet() % SWEEP_EVERY == 0) {
			this.buckets.values().removeIf((bucket) -> bucket.full(now));
		}
		PairTokenBucket bucket = this.buckets.computeIfAbsent(new Pair(account.phoneNumberId(), waId),
				(pair) -> new PairTokenBucket());
		if (!bucket.tryAcquire(burstOf(account), this.settings.pairInterval().toNanos(), now)) {
			throw GraphErrors.pairRateLimit();
		}
	}

	/** Gives the token back: the message was not accepted after all. */
	public void refund(Account account, String waId) {
		PairTokenBucket bucket = this.buckets.get(new Pair(account.phoneNumberId(), waId));
		if (bucket != null) {
			bucket.refund(this.settings.pairInterval().toNanos());
		}
	}

	public void reset() {
		this.buckets.clear();
	}

	private record Pair(String phoneNumberId, String waId) {
	}

}
