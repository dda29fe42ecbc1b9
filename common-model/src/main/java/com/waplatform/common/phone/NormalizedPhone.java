package com.waplatform.common.phone;

/**
 * The outcome of normalizing a phone number: E.164, or the reason it is not a valid
 * number.
 */
public sealed interface NormalizedPhone {

	record Valid(String e164) implements NormalizedPhone {
	}

	record Invalid(String input, String reason) implements NormalizedPhone {
	}

}
