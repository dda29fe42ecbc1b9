package com.waplatform.simulator.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTests {

	private final Ledger ledger = new Ledger(3, Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void recordsInOrderAndCountsByCallbackData() {
		accept("wamid.1", "+16505551234", "a");
		accept("wamid.2", "16505551234", "b");
		accept("wamid.3", "+16505550199", "a");
		assertThat(this.ledger.entries()).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L);
		assertThat(this.ledger.countByCallbackData("a")).isEqualTo(2);
		assertThat(this.ledger.countByCallbackData("none")).isZero();
		assertThat(this.ledger.entries(null, "+16505551234", null)).extracting(LedgerEntry::wamid)
			.containsExactly("wamid.1", "wamid.2");
		assertThat(this.ledger.entries("pn", null, "a")).hasSize(2);
		assertThat(this.ledger.entries("other", null, null)).isEmpty();
		assertThat(this.ledger.findByWamid("wamid.2")).get()
			.extracting(LedgerEntry::receivedAt)
			.isEqualTo(Instant.parse("2026-06-01T10:00:00Z"));
	}

	@Test
	void dropsTheOldestBeyondItsCapacity() {
		accept("wamid.1", "+16505551234", "a");
		accept("wamid.2", "+16505551234", "a");
		accept("wamid.3", "+16505551234", "b");
		accept("wamid.4", "+16505551234", "b");
		assertThat(this.ledger.entries()).extracting(LedgerEntry::wamid)
			.containsExactly("wamid.2", "wamid.3", "wamid.4");
		assertThat(this.ledger.countByCallbackData("a")).isEqualTo(1);
		assertThat(this.ledger.countByCallbackData("b")).isEqualTo(2);
	}

	@Test
	void recordsRejectionsAndClears() {
		accept("wamid.1", "+16505551234", "a");
		this.ledger.reject("pn", 131026, "undeliverable", "{}");
		this.ledger.reject("pn", 132000, "count", "{}");
		assertThat(this.ledger.rejections(131026)).singleElement().extracting(Rejection::sequence).isEqualTo(1L);
		this.ledger.clear();
		assertThat(this.ledger.entries()).isEmpty();
		assertThat(this.ledger.rejections()).isEmpty();
		assertThat(this.ledger.countByCallbackData("a")).isZero();
		assertThat(accept("wamid.9", "+16505551234", null).sequence()).isEqualTo(1);
	}

	private LedgerEntry accept(String wamid, String to, String callbackData) {
		String waId = to.replace("+", "");
		return this.ledger.accept(wamid, "pn", to, waId, "text", null, null, "hi", callbackData, "{}");
	}

}
