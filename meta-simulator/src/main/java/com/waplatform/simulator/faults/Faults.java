package com.waplatform.simulator.faults;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.simulator.SimulatorProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The fault profiles in force: one per phone number and a global one for numbers without
 * their own. Decisions draw from one {@link Random}, seeded by
 * {@code simulator.random-seed} when set, so that a single-threaded test sees the same
 * faults on every run.
 */
@Component
public class Faults {

	private final Random random;

	private final Map<String, FaultProfile> byNumber = new ConcurrentHashMap<>();

	private volatile @Nullable FaultProfile global;

	Faults(SimulatorProperties properties) {
		this.random = (properties.randomSeed() != null) ? new Random(properties.randomSeed()) : new Random();
	}

	/**
	 * Replaces the profile of the profile's scope; returns it with defaults filled in.
	 */
	public FaultProfile put(FaultProfile profile) {
		FaultProfile validated = profile.validated();
		if (validated.phoneNumberId() == null) {
			this.global = validated;
		}
		else {
			this.byNumber.put(validated.phoneNumberId(), validated);
		}
		return validated;
	}

	/** Removes the profile of one number, or every profile ({@code null}). */
	public void clear(@Nullable String phoneNumberId) {
		if (phoneNumberId == null) {
			this.global = null;
			this.byNumber.clear();
		}
		else {
			this.byNumber.remove(phoneNumberId);
		}
	}

	public @Nullable FaultProfile global() {
		return this.global;
	}

	public Map<String, FaultProfile> byNumber() {
		return new TreeMap<>(this.byNumber);
	}

	/** The number's profile, else the global one. */
	public Optional<FaultProfile> profileFor(String phoneNumberId) {
		FaultProfile own = this.byNumber.get(phoneNumberId);
		return Optional.ofNullable((own != null) ? own : this.global);
	}

	public boolean expiredToken(String phoneNumberId) {
		return profileFor(phoneNumberId).map(FaultProfile::expiredToken).orElse(false);
	}

	/** The fault of one send that passed Meta's checks. */
	public Fault decide(String phoneNumberId) {
		return profileFor(phoneNumberId).map((profile) -> Fault.decide(profile, this.random)).orElse(Fault.NONE);
	}

	/** The latency to add to one answer: the profile's latency plus uniform jitter. */
	public Duration latency(String phoneNumberId) {
		return profileFor(phoneNumberId).map((profile) -> {
			Duration latency = profile.latencyDuration();
			long jitter = profile.latencyJitterDuration().toNanos();
			return (jitter > 0) ? latency.plusNanos(this.random.nextLong(jitter + 1)) : latency;
		}).orElse(Duration.ZERO);
	}

	public FaultProfile.WebhookFaults webhookFaults(String phoneNumberId) {
		return profileFor(phoneNumberId).map(FaultProfile::webhooks)
			.filter((hooks) -> hooks != null)
			.orElse(FaultProfile.WebhookFaults.NONE);
	}

	/** True with probability {@code rate}. */
	public boolean chance(double rate) {
		return rate > 0 && this.random.nextDouble() < rate;
	}

	public int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

}
