package com.waplatform.webhook.routing.domain;

import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code wa_id}/{@code recipient_id} (E.164 digits without the plus) as E.164.
 * Meta's id is authoritative, so a number libphonenumber does not know (a new range, a
 * test number) keeps its digits rather than being dropped.
 */
public final class CustomerNumbers {

	private CustomerNumbers() {
	}

	/** E.164 with a plus; {@code null} when Meta gave none (BSUID-only users). */
	public static @Nullable String e164(@Nullable String waId) {
		if (waId == null || waId.isBlank()) {
			return null;
		}
		if (PhoneNumbers.normalize(waId) instanceof NormalizedPhone.Valid valid) {
			return valid.e164();
		}
		String digits = waId.strip();
		return digits.startsWith("+") ? digits : "+" + digits;
	}

}
