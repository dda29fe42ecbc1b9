package com.waplatform.sender.domain;

import java.time.Duration;
import java.time.Instant;

import com.waplatform.common.conversation.ServiceWindow;
import com.waplatform.common.message.ErrorInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerWindowTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	@Test
	void opensForTwentyFourHoursFromTheCustomersLastMessage() {
		CustomerWindow window = CustomerWindow.NONE.inbound(NOW.minus(Duration.ofHours(23)));

		assertThat(CustomerWindow.NONE.isOpen(NOW)).isFalse();
		assertThat(window.isOpen(NOW)).isTrue();
		assertThat(window.isOpen(NOW.plus(Duration.ofHours(1)))).isFalse();
		// an older message read late does not move the window back
		assertThat(window.inbound(NOW.minus(Duration.ofHours(30)))).isEqualTo(window);
	}

	@Test
	void metasClosureWinsUntilTheCustomerWritesAgain() {
		CustomerWindow open = CustomerWindow.NONE.inbound(NOW.minus(Duration.ofHours(1)));
		CustomerWindow closed = open.closed(NOW.minus(Duration.ofMinutes(1)));

		assertThat(closed.isOpen(NOW)).isFalse();
		assertThat(closed.inbound(NOW).isOpen(NOW)).isTrue();
		// the same facts in any order give the same window
		assertThat(CustomerWindow.NONE.closed(NOW.minus(Duration.ofMinutes(1))).merge(open)).isEqualTo(closed);
		assertThat(closed.merge(CustomerWindow.NONE)).isEqualTo(closed);
	}

	@Test
	void theRefusalIsMetasCodeAndTitleAndSaysWhy() {
		ErrorInfo never = CustomerWindow.NONE.refusal(NOW);
		ErrorInfo expired = CustomerWindow.NONE.inbound(NOW.minus(Duration.ofHours(25))).refusal(NOW);
		ErrorInfo byMeta = CustomerWindow.NONE.inbound(NOW.minus(Duration.ofHours(2)))
			.closed(NOW.minus(Duration.ofHours(1)))
			.refusal(NOW);

		assertThat(never.code()).isEqualTo(ServiceWindow.REENGAGEMENT_CODE);
		assertThat(never.title()).isEqualTo("Re-engagement message");
		assertThat(never.details()).contains("checked at " + NOW, "never wrote", "approved template");
		assertThat(expired.details()).contains("closed at 2026-03-01T11:00:00Z");
		assertThat(byMeta.details()).contains("Meta reported the window closed at 2026-03-01T11:00:00Z");
	}

	@Test
	void customersAreKeyedByTheirDigitsOrTheirUserId() {
		assertThat(CustomerWindow.customerKey("+15551234567")).isEqualTo("15551234567");
		assertThat(CustomerWindow.customerKey("15551234567")).isEqualTo("15551234567");
		assertThat(CustomerWindow.customerKey("US.13491208655302741918")).isEqualTo("US.13491208655302741918");
	}

	@Test
	void aFreshRequestIsNotRefusedOnThisViewAloneButOneThatWaitedIs() {
		CustomerWindow unknown = CustomerWindow.NONE;
		Duration freshness = Duration.ofSeconds(30);
		assertThat(unknown.refuses(NOW.minusSeconds(5), NOW, freshness)).isFalse();
		assertThat(unknown.refuses(NOW.minusSeconds(30), NOW, freshness)).isTrue();
		CustomerWindow open = CustomerWindow.NONE.inbound(NOW.minus(Duration.ofHours(23)));
		assertThat(open.refuses(NOW.minusSeconds(60), NOW, freshness)).isFalse();
		CustomerWindow expired = CustomerWindow.NONE.inbound(NOW.minus(Duration.ofHours(25)));
		assertThat(expired.refuses(NOW.minus(Duration.ofMinutes(10)), NOW, freshness)).isTrue();
		assertThat(expired.refuses(NOW, NOW, Duration.ZERO)).isTrue();
	}

}
