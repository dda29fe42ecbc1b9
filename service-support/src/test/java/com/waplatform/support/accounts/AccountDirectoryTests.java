package com.waplatform.support.accounts;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.crypto.CredentialCipher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	@Test
	void readyOnlyOnceEveryPartitionIsReadUpToItsEndOffsetAsOfTheStart() {
		TopicPartition first = new TopicPartition("wa.accounts", 0);
		TopicPartition second = new TopicPartition("wa.accounts", 1);
		TopicPartition empty = new TopicPartition("wa.accounts", 2);
		AccountDirectory directory = new AccountDirectory(this.cipher,
				(topic) -> CompletableFuture.completedFuture(Map.of(first, 2L, second, 1L, empty, 0L)));
		StepVerifier.FirstStep<Void> ready = StepVerifier.create(directory.ready());
		assertThat(directory.isReady()).isFalse();

		directory.onPartitionsAssigned(Map.of(first, 0L, second, 0L, empty, 0L), null);
		PhoneNumberConfigured number = number("106540352242922", "token");
		directory.onAccountEvent(new ConsumerRecord<>("wa.accounts", 0, 0L, number.key(), number));
		directory.onAccountEvent(new ConsumerRecord<>("wa.accounts", 1, 0L, number.key(), number));
		assertThat(directory.isReady()).isFalse();
		StepVerifier.create(directory.ready())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.thenCancel()
			.verify();

		directory.onAccountEvent(new ConsumerRecord<>("wa.accounts", 0, 1L, number.key(), number));
		assertThat(directory.isReady()).isTrue();
		ready.expectComplete().verify(Duration.ofSeconds(5));
		// records published after the start do not matter
		assertThat(directory.phoneNumber("106540352242922")).isPresent();
	}

	@Test
	void anEmptyTopicIsReadyAtAssignmentAndEndOffsetsAreAskedAgainUntilAnswered() {
		TopicPartition partition = new TopicPartition("wa.accounts", 0);
		AtomicInteger asked = new AtomicInteger();
		AccountDirectory directory = new AccountDirectory(this.cipher,
				(topic) -> (asked.incrementAndGet() == 1)
						? CompletableFuture.failedFuture(new IllegalStateException("broker not reachable"))
						: CompletableFuture.completedFuture(Map.of(partition, 0L)));
		directory.onPartitionsAssigned(Map.of(partition, 0L), null);
		assertThat(directory.isReady()).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(directory::isReady);
		assertThat(asked).hasValue(2);
	}

	@Test
	void aDirectoryWithoutABrokerIsNeverReady() {
		this.directory.onPartitionsAssigned(Map.of(new TopicPartition("wa.accounts", 0), 0L), null);
		assertThat(this.directory.isReady()).isFalse();
	}

	private PhoneNumberConfigured number(String phoneNumberId, String token) {
		return PhoneNumberConfigured.of("org-1", phoneNumberId, "102290129340398", "15550783881",
				this.cipher.seal(token), 80, true);
	}

}
