package com.waplatform.common.phone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			+351 912 345 678    | +351912345678
			351912345678        | +351912345678
			351-912-345-678     | +351912345678
			'  +351912345678 '  | +351912345678
			+1 650-253-0000     | +16502530000
			+1 (650) 253-0000   | +16502530000
			16502530000         | +16502530000
			+44 20 7031 3000    | +442070313000
			+49 1512 3456789    | +4915123456789
			+55 11 91234-5678   | +5511912345678
			919876543210        | +919876543210
			""")
	void normalizesValidNumbersToE164(String input, String e164) {
		assertThat(PhoneNumbers.normalize(input)).isEqualTo(new NormalizedPhone.Valid(e164));
	}

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''                          | a phone number is required
			'   '                       | a phone number is required
			abc                         | not a phone number
			+44 7                       | too short to be a phone number
			1234567890123456789012      | too long to be a phone number
			+351 912 345 678 912 345 678 999 | too long to be a phone number
			+999 123456789              | unknown country code; use the international format, e.g. +14155550123
			+351 12                     | not a possible phone number (wrong length for its country code)
			+1 650-253-00000            | not a possible phone number (wrong length for its country code)
			+1 150 253 0000             | not a valid number for its country code
			""")
	void rejectsInvalidNumbersWithTheReason(String input, String reason) {
		assertThat(PhoneNumbers.normalize(input)).isEqualTo(new NormalizedPhone.Invalid(input, reason));
	}

	@Test
	void rejectsNull() {
		assertThat(PhoneNumbers.normalize(null)).isInstanceOf(NormalizedPhone.Invalid.class);
	}

	@Test
	void waIdIsE164WithoutThePlus() {
		assertThat(PhoneNumbers.waId("+351912345678")).isEqualTo("351912345678");
		assertThat(PhoneNumbers.waId("351912345678")).isEqualTo("351912345678");
		assertThat(PhoneNumbers.normalize(PhoneNumbers.waId("+16502530000")))
			.isEqualTo(new NormalizedPhone.Valid("+16502530000"));
	}

}
