package com.waplatform.simulator.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/stats}: counters per business number and their per-second timeline. */
@RestController
@RequestMapping("/admin/stats")
class StatsAdminController {

	static final int RECENT_SECONDS = 120;

	private final SimulatorStats stats;

	StatsAdminController(SimulatorStats stats) {
		this.stats = stats;
	}

	@GetMapping
	Map<String, Object> all() {
		long now = this.stats.nowSecond();
		Map<String, Object> numbers = new LinkedHashMap<>();
		this.stats.all().forEach((phoneNumberId, number) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("received", number.receivedCount());
			view.put("accepted", number.acceptedCount());
			view.put("rejected", number.rejectedByCode());
			view.put("faults", number.faultsByKind());
			view.put("acceptedPerSecond", number.acceptedPerSecond(now, RECENT_SECONDS));
			numbers.put(phoneNumberId, view);
		});
		return Map.of("numbers", numbers);
	}

	@GetMapping("/{phoneNumberId}/timeline")
	List<NumberStats.Second> timeline(@PathVariable String phoneNumberId) {
		return this.stats.of(phoneNumberId).map((number) -> number.timeline(this.stats.nowSecond())).orElse(List.of());
	}

	@DeleteMapping
	ResponseEntity<Void> clear() {
		this.stats.clear();
		return ResponseEntity.noContent().build();
	}

}
