package com.waplatform.common.conversation;

import java.time.Duration;
import java.time.Instant;

import com.waplatform.common.meta.MetaMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceWindowTests {

	private static final Instant WROTE = Instant.parse("2026-12-03T10:00:00Z");

	@Test
	void aCustomerMessageOpensTheWindowForTwentyFourHours() {
		assertThat(ServiceWindow.openUntil(WROTE)).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
		assertThat(ServiceWindow.isOpen(WROTE, null, WROTE)).isTrue();
		assertThat(ServiceWindow.isOpen(WROTE, null, WROTE.plus(Duration.ofHours(24)).minusMillis(1))).isTrue();
		assertThat(ServiceWindow.isOpen(WROTE, null, WROTE.plus(Duration.ofHours(24)))).isFalse();
	}

	@Test
	void aCustomerWhoNeverWroteHasNoWindow() {
		assertThat(ServiceWindow.openUntil(null)).isNull();
		assertThat(ServiceWindow.isOpen(null, null, WROTE)).isFalse();
	}

	@Test
	void metasReengagementAnswerClosesItUntilTheCustomerWritesAgain() {
		Instant refused = WROTE.plus(Duration.ofHours(2));
		assertThat(ServiceWindow.isOpen(WROTE, refused, refused.plusSeconds(1))).isFalse();
		Instant wroteAgain = refused.plusSeconds(60);
		assertThat(ServiceWindow.isOpen(wroteAgain, refused, wroteAgain.plusSeconds(1))).isTrue();
		assertThat(ServiceWindow.closedBy(131047)).isTrue();
		assertThat(ServiceWindow.closedBy(131026)).isFalse();
		assertThat(ServiceWindow.closedBy(null)).isFalse();
	}

	@Test
	void everythingButTemplatesAndReadReceiptsNeedsTheWindow() {
		assertThat(ServiceWindow.needsWindow(MetaMessage.text("+34612000205", "Hi"))).isTrue();
		assertThat(ServiceWindow.needsWindow(MetaMessage.template("+34612000205",
				new MetaMessage.Template("welcome_message", MetaMessage.Language.of("en"), null))))
			.isFalse();
		assertThat(ServiceWindow.needsWindow(MetaMessage.markRead("wamid.X", null))).isFalse();
	}

}
