package com.waplatform.webhook.routing.domain;

import com.waplatform.common.phone.CustomerIds;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code wa_id}/{@code from}/{@code recipient_id} (E.164 digits without the plus)
 * as E.164. Meta's id is authoritative, so a number libphonenumber does not know (a new
 * range, a test number) keeps its digits rather than being dropped; but text that is no
 * number at all (a placeholder such as {@code PHONE_NUMBER} left in a fixture, a group
 * id) is refused, so it can never become a customer key. The rule is common-model's
 * {@link CustomerIds}.
 */
public final class CustomerNumbers {

	private CustomerNumbers() {
	}

	/**
	 * E.164 with a plus; {@code null} when Meta gave none (BSUID-only users).
	 * @throws IllegalArgumentException when the text is not a phone number
	 */
	public static @Nullable String e164(@Nullable String waId) {
		if (waId == null || waId.isBlank()) {
			return null;
		}
		String number = phoneOrNull(waId);
		if (number == null) {
			throw new IllegalArgumentException("'" + LogText.of(waId) + "' is not a phone number");
		}
		return number;
	}

	/**
	 * E.164 with a plus, or {@code null} when the text is empty or not a phone number:
	 * for fields that only inform (a status's recipient, which is a group id for group
	 * messages and empty for BSUID recipients).
	 */
	public static @Nullable String phoneOrNull(@Nullable String waId) {
		return CustomerIds.phoneOrNull(waId);
	}

	/** Whether the text is a phone number in Meta's form (digits, optionally a plus). */
	public static boolean isPhoneNumber(@Nullable String text) {
		return CustomerIds.isPhoneDigits(text);
	}

}
