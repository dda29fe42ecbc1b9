package com.waplatform.template.domain;

import java.util.List;

import com.waplatform.common.account.PhoneNumberConfigured;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncTargetTests {

	@Test
	void oneTargetPerAccountWithTheDefaultNumbersCredential() {
		PhoneNumberConfigured second = number("org-1", "pn-1", "waba-a", false);
		PhoneNumberConfigured defaultNumber = number("org-1", "pn-2", "waba-a", true);
		PhoneNumberConfigured other = number("org-2", "pn-3", "waba-b", false);

		List<SyncTarget> targets = SyncTarget.from(List.of(other, second, defaultNumber));

		assertThat(targets).containsExactly(new SyncTarget("waba-a", "org-1", defaultNumber),
				new SyncTarget("waba-b", "org-2", other));
	}

	@Test
	void withoutADefaultNumberTheLowestPhoneNumberIdLendsItsCredential() {
		PhoneNumberConfigured high = number("org-1", "pn-9", "waba-a", false);
		PhoneNumberConfigured low = number("org-1", "pn-1", "waba-a", false);

		assertThat(SyncTarget.from(List.of(high, low))).extracting(SyncTarget::credentialSource).containsExactly(low);
	}

	@Test
	void keepsTheSealedTokenOutOfItsText() {
		SyncTarget target = SyncTarget.from(List.of(number("org-1", "pn-1", "waba-a", true))).get(0);

		assertThat(target.toString()).contains("waba-a", "org-1", "pn-1").doesNotContain("sealed-token");
	}

	private static PhoneNumberConfigured number(String org, String phoneNumberId, String wabaId, boolean isDefault) {
		return PhoneNumberConfigured.of(org, phoneNumberId, wabaId, "+1 555 0100", "sealed-token", 80, isDefault);
	}

}
