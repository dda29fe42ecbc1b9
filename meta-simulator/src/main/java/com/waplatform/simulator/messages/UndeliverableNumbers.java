package com.waplatform.simulator.messages;

import java.util.Set;
import java.util.stream.Collectors;

import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import com.waplatform.simulator.SimulatorProperties;

import org.springframework.stereotype.Component;

/**
 * {@code simulator.undeliverable-numbers}: valid numbers that are not WhatsApp users
 * (131026). Every other valid number is one.
 */
@Component
class UndeliverableNumbers {

	private final Set<String> numbers;

	UndeliverableNumbers(SimulatorProperties properties) {
		this.numbers = properties.undeliverableNumbers()
			.stream()
			.map(UndeliverableNumbers::e164)
			.collect(Collectors.toUnmodifiableSet());
	}

	private static String e164(String number) {
		if (PhoneNumbers.normalize(number) instanceof NormalizedPhone.Valid valid) {
			return valid.e164();
		}
		throw new IllegalArgumentException("simulator.undeliverable-numbers: '" + number + "' is not a valid number");
	}

	boolean contains(String e164) {
		return this.numbers.contains(e164);
	}

}
