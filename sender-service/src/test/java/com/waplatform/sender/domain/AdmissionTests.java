package com.waplatform.sender.domain;

import java.time.Instant;

import com.waplatform.common.message.MessageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdmissionTests {

	private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

	@Test
	void newMessageIsSent() {
		assertThat(Admission.decide(null, null, NOW)).isEqualTo(Admission.SEND);
		assertThat(Admission.decide(null, NOW.plusSeconds(1), NOW)).isEqualTo(Admission.SEND);
	}

	@ParameterizedTest
	@EnumSource(value = MessageState.class, names = { "ACCEPTED", "FAILED", "EXPIRED", "DEAD_LETTERED" })
	void finalOrDeadLetteredMessageIsADuplicateEvenWhenExpired(MessageState state) {
		assertThat(Admission.decide(state, null, NOW)).isEqualTo(Admission.DUPLICATE);
		assertThat(Admission.decide(state, NOW.minusSeconds(60), NOW)).isEqualTo(Admission.DUPLICATE);
	}

	@Test
	void pendingMessageIsResumed() {
		assertThat(Admission.decide(MessageState.PENDING, null, NOW)).isEqualTo(Admission.RESUME);
	}

	@Test
	void messageWhoseCallHasNoOutcomeIsVerifiedEvenWhenExpired() {
		assertThat(Admission.decide(MessageState.SENDING, null, NOW)).isEqualTo(Admission.VERIFY);
		assertThat(Admission.decide(MessageState.SENDING, NOW.minusSeconds(5), NOW)).isEqualTo(Admission.VERIFY);
	}

	@Test
	void elapsedTimeToLiveExpiresNewAndPendingMessages() {
		assertThat(Admission.decide(null, NOW, NOW)).isEqualTo(Admission.EXPIRE);
		assertThat(Admission.decide(null, NOW.minusMillis(1), NOW)).isEqualTo(Admission.EXPIRE);
		assertThat(Admission.decide(MessageState.PENDING, NOW.minusSeconds(5), NOW)).isEqualTo(Admission.EXPIRE);
	}

	@Test
	void outcomesAreFinalAndMapToPublicStatuses() {
		assertThat(SendOutcome.accepted("wamid.1").state().status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(SendOutcome.expired(NOW).state().status()).isEqualTo(MessageStatus.EXPIRED);
		assertThat(SendOutcome.expired(NOW).error().title()).isEqualTo("Time-to-live elapsed");
		assertThatIllegalArgumentException().isThrownBy(() -> new SendOutcome(MessageState.PENDING, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new SendOutcome(MessageState.SENDING, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new SendOutcome(MessageState.DEAD_LETTERED, null, null));
	}

}
