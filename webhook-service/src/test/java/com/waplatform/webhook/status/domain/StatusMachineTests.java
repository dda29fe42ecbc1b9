package com.waplatform.webhook.status.domain;

import java.util.EnumSet;

import com.waplatform.common.message.MessageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatusMachineTests {

	/** Every (current, incoming) pair; current NONE means no status known yet. */
	@ParameterizedTest(name = "{0} + {1} -> {2}")
	@CsvSource({
			// from nothing, anything applies
			"NONE, SENT, true", "NONE, DELIVERED, true", "NONE, READ, true", "NONE, FAILED, true",
			// accepted by Meta: every webhook status moves it
			"ACCEPTED, SENT, true", "ACCEPTED, DELIVERED, true", "ACCEPTED, READ, true", "ACCEPTED, FAILED, true",
			// sent: a duplicate sent is ignored, a failure still applies
			"SENT, SENT, false", "SENT, DELIVERED, true", "SENT, READ, true", "SENT, FAILED, true",
			// delivered: a late sent never downgrades; a failure after delivery is stale
			"DELIVERED, SENT, false", "DELIVERED, DELIVERED, false", "DELIVERED, READ, true",
			"DELIVERED, FAILED, false",
			// read is the end of the happy path
			"READ, SENT, false", "READ, DELIVERED, false", "READ, READ, false", "READ, FAILED, false",
			// failed is terminal
			"FAILED, SENT, false", "FAILED, DELIVERED, false", "FAILED, READ, false", "FAILED, FAILED, false" })
	void appliesOnlyForwardMoves(String current, MessageStatus incoming, boolean applies) {
		MessageStatus currentStatus = "NONE".equals(current) ? null : MessageStatus.valueOf(current);
		assertThat(StatusMachine.applies(currentStatus, incoming)).isEqualTo(applies);
	}

	@Test
	void theDatabaseBoundIsTheSameRule() {
		for (MessageStatus incoming : StatusMachine.WEBHOOK_STATUSES) {
			for (MessageStatus current : MessageStatus.values()) {
				assertThat(current.rank() < StatusMachine.applyBelowRank(incoming)).as("%s + %s", current, incoming)
					.isEqualTo(StatusMachine.applies(current, incoming));
			}
		}
	}

	@Test
	void nothingAppliesAfterOtherTerminalFailures() {
		for (MessageStatus incoming : StatusMachine.WEBHOOK_STATUSES) {
			assertThat(StatusMachine.applies(MessageStatus.EXPIRED, incoming)).isFalse();
			assertThat(StatusMachine.applies(MessageStatus.REJECTED, incoming)).isFalse();
		}
	}

	@Test
	void queuedMessagesMoveOnAnyWebhookStatus() {
		for (MessageStatus incoming : StatusMachine.WEBHOOK_STATUSES) {
			assertThat(StatusMachine.applies(MessageStatus.QUEUED, incoming)).isTrue();
		}
	}

	@Test
	void onlyWebhookStatusesAreIncoming() {
		for (MessageStatus other : EnumSet.complementOf(EnumSet.copyOf(StatusMachine.WEBHOOK_STATUSES))) {
			assertThatIllegalArgumentException().isThrownBy(() -> StatusMachine.applies(null, other));
		}
	}

	@Test
	void readsMetaStatusNames() {
		assertThat(StatusMachine.fromWebhook("sent")).contains(MessageStatus.SENT);
		assertThat(StatusMachine.fromWebhook("delivered")).contains(MessageStatus.DELIVERED);
		assertThat(StatusMachine.fromWebhook("read")).contains(MessageStatus.READ);
		assertThat(StatusMachine.fromWebhook("failed")).contains(MessageStatus.FAILED);
		assertThat(StatusMachine.fromWebhook("FAILED")).contains(MessageStatus.FAILED);
		// voice messages' "played" and our own statuses are not webhook statuses
		assertThat(StatusMachine.fromWebhook("played")).isEmpty();
		assertThat(StatusMachine.fromWebhook("accepted")).isEmpty();
		assertThat(StatusMachine.fromWebhook("deleted")).isEmpty();
	}

}
