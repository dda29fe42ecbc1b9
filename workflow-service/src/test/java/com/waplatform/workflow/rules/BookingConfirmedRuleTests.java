package com.waplatform.workflow.rules;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.json.Json;
import com.waplatform.common.message.SendRequest;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BookingConfirmedRuleTests {

	private static final String DATA = """
			{"bookingId":"B-7","customerName":"Ana","customerPhone":"+447911123456",
			 "packageName":"Walk","startDate":"2026-12-05","reference":"R-7"%s}
			""";

	private final AccountDirectory accounts = new AccountDirectory(
			new CredentialCipher(Infrastructure.TEST_CREDENTIAL_KEY));

	private final BookingConfirmedRule rule = new BookingConfirmedRule(this.accounts);

	@Test
	void sendsFromTheOrganizationsDefaultNumber() {
		this.accounts.apply(PhoneNumberConfigured.of("org-1", "pn-other", "waba-1", "+15550001", "sealed", 80, false));
		this.accounts.apply(PhoneNumberConfigured.of("org-1", "pn-default", "waba-1", "+15550002", "sealed", 80, true));
		this.accounts.apply(PhoneNumberConfigured.of("org-2", "pn-org-2", "waba-2", "+15550003", "sealed", 80, true));
		assertThat(this.rule.apply(event(""))).singleElement()
			.extracting(SendRequest::phoneNumberId)
			.isEqualTo("pn-default");
	}

	@Test
	void theEventMayNameTheNumber() {
		assertThat(this.rule.apply(event(",\"phoneNumberId\":\"pn-given\""))).singleElement()
			.extracting(SendRequest::phoneNumberId)
			.isEqualTo("pn-given");
	}

	@Test
	void withoutANumberTheEventCannotBeHandledYet() {
		this.accounts.apply(PhoneNumberConfigured.of("org-2", "pn-org-2", "waba-2", "+15550003", "sealed", 80, true));
		assertThatIllegalStateException().isThrownBy(() -> this.rule.apply(event("")))
			.withMessageContaining("org-1 has no business phone number");
	}

	private static BusinessEvent event(String extra) {
		return new BusinessEvent(UUID.randomUUID(), Instant.now(), "org-1", BusinessEvent.BOOKING_CONFIRMED,
				"/bookings", "B-7", Json.mapper().readTree(DATA.formatted(extra)));
	}

}
