package com.waplatform.simulator.limits;

import java.util.LinkedHashMap;
import java.util.Map;

import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/limits}: the limits in force, changed at runtime per number (throughput,
 * service window, pair burst) or per WABA (management calls per hour), and a reset of
 * what the limiters counted.
 */
@RestController
@RequestMapping("/admin/limits")
class LimitsAdminController {

	private final AccountRegistry accounts;

	private final ThroughputLimiter throughput;

	private final PairRateLimiter pairs;

	private final ManagementUsage usage;

	private final SimulatorProperties.Limits defaults;

	LimitsAdminController(AccountRegistry accounts, ThroughputLimiter throughput, PairRateLimiter pairs,
			ManagementUsage usage, SimulatorProperties properties) {
		this.accounts = accounts;
		this.throughput = throughput;
		this.pairs = pairs;
		this.usage = usage;
		this.defaults = properties.limits();
	}

	@GetMapping
	Map<String, Object> limits() {
		Map<String, Object> numbers = new LinkedHashMap<>();
		this.accounts.all().forEach((account) -> numbers.put(account.phoneNumberId(), view(account)));
		Map<String, Object> limits = new LinkedHashMap<>();
		limits.put("defaults", this.defaults);
		limits.put("numbers", numbers);
		limits.put("wabas", this.usage.quotas());
		return limits;
	}

	@PostMapping("/numbers/{phoneNumberId}")
	ResponseEntity<Map<String, Object>> number(@PathVariable String phoneNumberId,
			@Valid @RequestBody NumberLimits limits) {
		return ResponseEntity.of(this.accounts.byPhoneNumberId(phoneNumberId).map((account) -> {
			Account updated = account.withLimits(limits.throughputPerSecond(), limits.enforceServiceWindow(),
					limits.pairBurst());
			this.accounts.put(updated);
			return view(updated);
		}));
	}

	@PostMapping("/wabas/{wabaId}")
	Map<String, Object> waba(@PathVariable String wabaId, @Valid @RequestBody WabaLimits limits) {
		this.usage.setQuota(wabaId, limits.managementCallsPerHour());
		return Map.of("wabaId", wabaId, "managementCallsPerHour", this.usage.quotaOf(wabaId));
	}

	/**
	 * Forgets what the limiters counted (throughput windows, pair buckets, call quotas).
	 */
	@PostMapping("/reset")
	ResponseEntity<Void> reset() {
		this.throughput.reset();
		this.pairs.reset();
		this.usage.reset();
		return ResponseEntity.noContent().build();
	}

	private Map<String, Object> view(Account account) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("throughputPerSecond", this.throughput.limitOf(account));
		view.put("enforceServiceWindow", account.serviceWindowEnforced());
		view.put("pairBurst", this.pairs.burstOf(account));
		view.put("sendsInLastSecond", this.throughput.currentCount(account.phoneNumberId()));
		return view;
	}

	/** Limits of one number; {@code null} fields stay as they are. */
	record NumberLimits(@Nullable @Min(1) Integer throughputPerSecond, @Nullable Boolean enforceServiceWindow,
			@Nullable @Min(1) Integer pairBurst) {
	}

	record WabaLimits(@NotNull @Min(1) Integer managementCallsPerHour) {
	}

}
