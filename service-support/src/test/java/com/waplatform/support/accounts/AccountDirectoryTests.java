package com.waplatform.support.accounts;

import java.util.Base64;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.crypto.CredentialCipher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountDirectoryTests {

	private final CredentialCipher cipher = new CredentialCipher(Base64.getEncoder().encodeToString(new byte[32]));

	private final AccountDirectory directory = new AccountDirectory(this.cipher);

	@Test
	void aRotatedTokenIsOpenedAfreshAndEachNumberKeepsItsOwn() {
		PhoneNumberConfigured first = number("106540352242922", "token-one");
		PhoneNumberConfigured other = number("106540352242933", "token-other");
		assertThat(this.directory.accessToken(first)).isEqualTo("token-one");
		assertThat(this.directory.accessToken(other)).isEqualTo("token-other");
		assertThat(this.directory.accessToken(first)).isEqualTo("token-one");

		PhoneNumberConfigured rotated = number("106540352242922", "token-two");
		this.directory.apply(rotated);
		assertThat(this.directory.accessToken(rotated)).isEqualTo("token-two");
		assertThat(this.directory.accessToken(other)).isEqualTo("token-other");
	}

	@Test
	void anOlderRecordReadFromTheTopicDoesNotUndoANewerWriteAppliedDirectly() {
		OrganizationSettings created = OrganizationSettings.defaults("org-1");
		OrganizationSettings changed = new OrganizationSettings(java.util.UUID.randomUUID(),
				created.occurredAt().plusSeconds(1), "org-1", true, false, null, "Europe/Madrid", java.util.Map.of(),
				null);
		this.directory.apply(changed);
		this.directory.onAccountEvent(new ConsumerRecord<>("wa.accounts", 0, 0L, created.key(), created));
		assertThat(this.directory.settings("org-1").marketingEnabled()).isFalse();
		assertThat(this.directory.settings("org-1").timeZone()).isEqualTo("Europe/Madrid");

		OrganizationSettings later = new OrganizationSettings(java.util.UUID.randomUUID(),
				changed.occurredAt().plusSeconds(1), "org-1", true, true, null, null, java.util.Map.of(), null);
		this.directory.onAccountEvent(new ConsumerRecord<>("wa.accounts", 0, 1L, later.key(), later));
		assertThat(this.directory.settings("org-1").marketingEnabled()).isTrue();
	}

	private PhoneNumberConfigured number(String phoneNumberId, String token) {
		return PhoneNumberConfigured.of("org-1", phoneNumberId, "102290129340398", "15550783881",
				this.cipher.seal(token), 80, true);
	}

}
