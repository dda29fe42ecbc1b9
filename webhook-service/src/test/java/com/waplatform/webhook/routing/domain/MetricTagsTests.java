package com.waplatform.webhook.routing.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricTagsTests {

	@Test
	void knownValuesAreKeptAndEverythingElseIsOther() {
		assertThat(MetricTags.field("messages")).isEqualTo("messages");
		assertThat(MetricTags.field("account_update")).isEqualTo("account_update");
		assertThat(MetricTags.field("messages\nforged")).isEqualTo("other");
		assertThat(MetricTags.field(null)).isEqualTo("other");
		assertThat(MetricTags.status("played")).isEqualTo("played");
		assertThat(MetricTags.status("PLAYED")).isEqualTo("other");
		assertThat(MetricTags.status("x".repeat(10_000))).isEqualTo("other");
		assertThat(MetricTags.inboundType("text")).isEqualTo("text");
		assertThat(MetricTags.inboundType("hologram")).isEqualTo("other");
		assertThat(MetricTags.inboundType("edit")).isEqualTo("edit");
		assertThat(MetricTags.preferenceCategory("marketing_messages")).isEqualTo("marketing_messages");
		assertThat(MetricTags.preferenceCategory("anything")).isEqualTo("other");
		assertThat(MetricTags.preferenceValue("stop")).isEqualTo("stop");
		assertThat(MetricTags.preferenceValue("STOP")).isEqualTo("other");
		assertThat(MetricTags.errorCode(131047)).isEqualTo("131047");
		assertThat(MetricTags.errorCode(987654321)).isEqualTo("other");
	}

	@Test
	void logTextIsShortAndOnOneLine() {
		assertThat(LogText.of("wamid.ABC")).isEqualTo("wamid.ABC");
		assertThat(LogText.of(null)).isEqualTo("null");
		assertThat(LogText.of("a\nb\r\u2028c\u0000")).isEqualTo("a?b??c?");
		assertThat(LogText.of("y".repeat(1000))).isEqualTo("y".repeat(64) + "...");
		assertThat(LogText.of("z".repeat(63) + "\uD83D\uDE00")).isEqualTo("z".repeat(63) + "...");
	}

}
