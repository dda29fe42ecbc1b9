package com.waplatform.support.retention;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PurgedTableTests {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	@Test
	void rowsOlderThanTheRetentionAreDue() {
		assertThat(PurgedTable.olderThan("t", "created_at", Duration.ofDays(90)).cutoff(NOW))
			.contains(Instant.parse("2026-09-04T12:00:00Z"));
		assertThat(PurgedTable.olderThan("t", "created_at", Duration.ofHours(1)).cutoff(NOW))
			.contains(Instant.parse("2026-12-03T11:00:00Z"));
	}

	@Test
	void aZeroOrNegativeRetentionKeepsRowsForever() {
		assertThat(PurgedTable.olderThan("t", "created_at", Duration.ZERO).cutoff(NOW)).isEmpty();
		assertThat(PurgedTable.olderThan("t", "created_at", Duration.ofDays(-1)).cutoff(NOW)).isEmpty();
	}

	@Test
	void aBatchDeletesByAgeAndSkipsLockedRows() {
		assertThat(PurgedTable.olderThan("deliveries", "created_at", Duration.ofDays(1)).batchSql())
			.contains("delete from deliveries")
			.contains("created_at < :cutoff")
			.contains("limit :batch")
			.contains("skip locked");
	}

}
