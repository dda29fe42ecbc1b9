package com.waplatform.simulator.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberStatsTests {

	@Test
	void countsAndKeepsAPerSecondTimeline() {
		NumberStats stats = new NumberStats(10);
		stats.received();
		stats.received();
		stats.received();
		stats.accepted(100);
		stats.accepted(100);
		stats.rejected(130429, 100);
		stats.accepted(102);
		stats.fault("error:131000");
		assertThat(stats.receivedCount()).isEqualTo(3);
		assertThat(stats.acceptedCount()).isEqualTo(3);
		assertThat(stats.rejectedByCode()).containsExactly(org.assertj.core.api.Assertions.entry("130429", 1L));
		assertThat(stats.faultsByKind()).containsEntry("error:131000", 1L);
		assertThat(stats.acceptedPerSecond(103, 5)).containsExactly(0L, 2L, 0L, 1L, 0L);
		assertThat(stats.timeline(103)).containsExactly(new NumberStats.Second(100, 2, 1),
				new NumberStats.Second(101, 0, 0), new NumberStats.Second(102, 1, 0),
				new NumberStats.Second(103, 0, 0));
	}

	@Test
	void theTimelineIsBounded() {
		NumberStats stats = new NumberStats(10);
		for (long second = 0; second < 25; second++) {
			stats.accepted(second);
		}
		assertThat(stats.timeline(24)).hasSize(10).first().isEqualTo(new NumberStats.Second(15, 1, 0));
		assertThat(stats.acceptedPerSecond(24, 12)).containsExactly(0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
	}

}
