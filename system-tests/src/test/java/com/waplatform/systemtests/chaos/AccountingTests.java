package com.waplatform.systemtests.chaos;

import java.util.List;
import java.util.Map;

import com.waplatform.systemtests.chaos.Accounting.Facts;
import com.waplatform.systemtests.chaos.Accounting.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos harness's accounting of lost, duplicated and mismatched messages, without a
 * platform (the harness itself never runs in verify).
 */
class AccountingTests {

	private static final String PREFIX = "Chaos test run main #";

	@Test
	void aCleanRunHasNothingToReport() {
		Tally tally = Accounting.tally(
				List.of(read("m1", PREFIX + 1), new Facts("m2", PREFIX + 2, "failed", "failed", true, true, "failed")),
				Map.of(PREFIX + 1, 1, PREFIX + 2, 1), PREFIX);

		assertThat(tally.messages()).isEqualTo(2);
		assertThat(tally.lost()).isZero();
		assertThat(tally.duplicatesAtMeta()).isZero();
		assertThat(tally.terminalWithoutReason()).isZero();
		assertThat(tally.apiMismatch()).isZero();
		assertThat(tally.finalStatuses()).containsEntry("read", 1L).containsEntry("failed", 1L);
	}

	@Test
	void sendsBeyondTheFirstOfATextAreDuplicates() {
		Tally tally = Accounting.tally(List.of(read("m1", PREFIX + 1), read("m2", PREFIX + 2)),
				Map.of(PREFIX + 1, 3, PREFIX + 2, 1, "another run's text", 2), PREFIX);

		assertThat(tally.duplicatesAtMeta()).isEqualTo(2);
		assertThat(tally.duplicatedMessages()).isEqualTo(1);
	}

	@Test
	void aMessageWithoutFinalStatusOrUnknownToTheReadModelIsLost() {
		Tally tally = Accounting.tally(
				List.of(new Facts("m1", PREFIX + 1, null, "accepted", false, false, "accepted"),
						new Facts("m2", PREFIX + 2, "read", "read", false, false, null), read("m3", PREFIX + 3)),
				Map.of(PREFIX + 1, 1, PREFIX + 2, 1, PREFIX + 3, 1), PREFIX);

		assertThat(tally.lost()).isEqualTo(2);
		assertThat(tally.lostLines()).hasSize(2).anyMatch((line) -> line.startsWith("m1 last=accepted"));
		assertThat(tally.finalStatuses()).containsEntry("not final: accepted", 1L);
		// the API agrees with the feed for m1 (both accepted): lost, not a mismatch
		assertThat(tally.apiMismatch()).isZero();
	}

	@Test
	void failuresWithoutReasonAndApiMismatchesAreCounted() {
		Tally tally = Accounting.tally(
				List.of(new Facts("m1", PREFIX + 1, "expired", "expired", true, false, "expired"),
						new Facts("m2", PREFIX + 2, "failed", "failed", true, true, "queued")),
				Map.of(PREFIX + 2, 1), PREFIX);

		assertThat(tally.terminalWithoutReason()).isEqualTo(1);
		assertThat(tally.apiMismatch()).isEqualTo(1);
		assertThat(tally.mismatchLines()).containsExactly("m2 api=queued status_events=failed");
	}

	@Test
	void aSendOfTheRunWithoutAcceptedMessageIsCountedApart() {
		Tally tally = Accounting.tally(List.of(read("m1", PREFIX + 1)), Map.of(PREFIX + 1, 1, PREFIX + 9, 1), PREFIX);

		assertThat(tally.sentWithoutAcceptance()).isEqualTo(1);
		assertThat(tally.duplicatesAtMeta()).isZero();
	}

	private static Facts read(String id, String text) {
		return new Facts(id, text, "read", "read", false, false, "read");
	}

}
