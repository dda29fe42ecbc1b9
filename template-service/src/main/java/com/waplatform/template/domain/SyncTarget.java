package com.waplatform.template.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.account.PhoneNumberConfigured;

/**
 * A WhatsApp Business Account to sync, with the organization that owns it and the phone
 * number whose access token is used to read its templates.
 */
public record SyncTarget(String wabaId, String organizationId, PhoneNumberConfigured credentialSource) {

	/**
	 * Every distinct account of the configured numbers. Several numbers of one account
	 * share its templates; the organization's default number (else the lowest
	 * phone-number id) lends its token, so the choice is stable between rounds.
	 */
	public static List<SyncTarget> from(Collection<PhoneNumberConfigured> numbers) {
		Map<String, SyncTarget> byWaba = new LinkedHashMap<>();
		numbers.stream()
			.sorted(Comparator.comparing(PhoneNumberConfigured::defaultNumber)
				.reversed()
				.thenComparing(PhoneNumberConfigured::phoneNumberId))
			.forEach((number) -> byWaba.putIfAbsent(number.wabaId(),
					new SyncTarget(number.wabaId(), number.organizationId(), number)));
		return byWaba.values().stream().sorted(Comparator.comparing(SyncTarget::wabaId)).toList();
	}

	@Override
	public String toString() {
		// the sealed token stays out of logs
		return "SyncTarget[wabaId=" + this.wabaId + ", organizationId=" + this.organizationId + ", phoneNumberId="
				+ this.credentialSource.phoneNumberId() + "]";
	}

}
