package com.waplatform.common.account;

import java.time.Instant;
import java.util.UUID;

/**
 * The current configuration of one business phone number. The access token is never in
 * clear text: it is sealed with the platform's credential key ({@code CredentialCipher}).
 *
 * @param accessTokenSealed the Meta access token, AES-GCM sealed, Base64
 * @param throughputPerSecond Meta's messages-per-second limit for this number
 * @param defaultNumber whether this is the organization's default sender
 */
public record PhoneNumberConfigured(UUID eventId, Instant occurredAt, String organizationId, String phoneNumberId,
		String wabaId, String displayPhoneNumber, String accessTokenSealed, int throughputPerSecond,
		boolean defaultNumber) implements AccountEvent {

	public static PhoneNumberConfigured of(String organizationId, String phoneNumberId, String wabaId,
			String displayPhoneNumber, String accessTokenSealed, int throughputPerSecond, boolean defaultNumber) {
		return new PhoneNumberConfigured(UUID.randomUUID(), Instant.now(), organizationId, phoneNumberId, wabaId,
				displayPhoneNumber, accessTokenSealed, throughputPerSecond, defaultNumber);
	}

	@Override
	public String key() {
		return this.phoneNumberId;
	}

}
