package com.waplatform.simulator.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.waplatform.simulator.SimulatorProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The business-use-case quota of template management calls per WABA: calls in a sliding
 * hour (60 one-minute buckets) against {@code simulator.limits.management-calls-per-hour}
 * (or a per-WABA override set through the admin API). Calls refused with 80007 do not
 * count.
 */
@Component
public class ManagementUsage {

	private final Map<String, SlidingWindowCounter> byWaba = new ConcurrentHashMap<>();

	private final Map<String, Integer> quotas = new ConcurrentHashMap<>();

	private final int defaultQuota;

	private final LongSupplier nanoTime;

	@Autowired
	ManagementUsage(SimulatorProperties properties) {
		this(properties.limits().managementCallsPerHour(), System::nanoTime);
	}

	ManagementUsage(int defaultQuota, LongSupplier nanoTime) {
		this.defaultQuota = defaultQuota;
		this.nanoTime = nanoTime;
	}

	public int quotaOf(String wabaId) {
		return this.quotas.getOrDefault(wabaId, this.defaultQuota);
	}

	public void setQuota(String wabaId, int callsPerHour) {
		this.quotas.put(wabaId, callsPerHour);
	}

	public Map<String, Integer> quotas() {
		return Map.copyOf(this.quotas);
	}

	/** Counts a management call of the WABA if its quota allows it. */
	public Usage call(String wabaId) {
		SlidingWindowCounter counter = this.byWaba.computeIfAbsent(wabaId,
				(id) -> new SlidingWindowCounter(Duration.ofHours(1), 60));
		long now = this.nanoTime.getAsLong();
		int quota = quotaOf(wabaId);
		boolean allowed = counter.tryAcquire(quota, now);
		long count = counter.count(now);
		int percent = (int) Math.min(Integer.MAX_VALUE, (count * 100 + quota - 1) / quota);
		if (allowed) {
			return new Usage(percent, 0, false);
		}
		long minutes = Math.max(1, Duration.ofNanos(counter.nanosUntilBelow(quota, now)).toSeconds() / 60 + 1);
		return new Usage(Math.max(percent, 100), (int) minutes, true);
	}

	public void reset() {
		this.byWaba.clear();
	}

	/**
	 * @param percent share of the hourly quota used (Meta's {@code call_count},
	 * {@code total_cputime} and {@code total_time})
	 * @param minutesToRegainAccess Meta's {@code estimated_time_to_regain_access}
	 * @param throttled whether this call is refused (80007)
	 */
	public record Usage(int percent, int minutesToRegainAccess, boolean throttled) {
	}

}
