package com.waplatform.webhook.status.domain;

import java.time.Instant;
import java.util.List;

import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.webhook.WebhookSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Mapping of Meta's status objects, against real samples. */
class StatusUpdateTests {

	@Test
	void sentWithCallbackData() {
		StatusUpdate update = only("pywa_status_sent_biz_opaque_callback_data");
		assertThat(update.wamid()).isEqualTo("wamid.xyzxyz");
		assertThat(update.callbackData()).isEqualTo("some data");
		assertThat(update.status()).isEqualTo(MessageStatus.SENT);
		assertThat(update.statusAt()).isEqualTo(Instant.ofEpochSecond(1698266945));
		assertThat(update.recipient()).isEqualTo("+972987654321");
		assertThat(update.error()).isNull();
	}

	@Test
	void deliveredAndReadWithoutCallbackData() {
		StatusUpdate delivered = only("pywa_status_delivered");
		assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
		assertThat(delivered.callbackData()).isNull();
		StatusUpdate read = only("pywa_status_read");
		assertThat(read.status()).isEqualTo(MessageStatus.READ);
		assertThat(read.statusAt()).isEqualTo(Instant.ofEpochSecond(1689380458));
	}

	@Test
	void readsMetaStatusNames() {
		assertThat(StatusUpdate.fromWebhook("sent")).contains(MessageStatus.SENT);
		assertThat(StatusUpdate.fromWebhook("delivered")).contains(MessageStatus.DELIVERED);
		assertThat(StatusUpdate.fromWebhook("read")).contains(MessageStatus.READ);
		assertThat(StatusUpdate.fromWebhook("failed")).contains(MessageStatus.FAILED);
		assertThat(StatusUpdate.fromWebhook("FAILED")).contains(MessageStatus.FAILED);
		// voice messages' "played" and our own statuses are not webhook statuses
		assertThat(StatusUpdate.fromWebhook("played")).isEmpty();
		assertThat(StatusUpdate.fromWebhook("accepted")).isEmpty();
		assertThat(StatusUpdate.fromWebhook("expired")).isEmpty();
		assertThat(StatusUpdate.fromWebhook("deleted")).isEmpty();
	}

	@Test
	void failedCarriesMetasFirstError() {
		StatusUpdate failed = only("pywa_status_failed_130472");
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.error()).isEqualTo(ErrorInfo.of(130472, "User's number is part of an experiment",
				"Failed to send message because this user's phone number is part of an experiment"));
	}

	@Test
	void failedOutsideTheServiceWindow() {
		StatusUpdate failed = only("bindambc_status_failed_131047_reengagement");
		assertThat(failed.error().code()).isEqualTo(131047);
		assertThat(failed.error().title()).isEqualTo("Re-engagement message");
		assertThat(failed.error().details()).contains("more than 24 hours");
		assertThat(failed.recipient()).isEqualTo("+5511111111111");
	}

	@Test
	void businessScopedUsersHaveNoRecipientNumber() {
		StatusUpdate delivered = only("metadoc_bsuid_status_delivered_to_bsuid_empty_wa_id");
		assertThat(delivered.recipient()).isNull();
		assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
	}

	@Test
	void becomesADeterministicStatusEvent() {
		StatusUpdate update = only("pywa_status_failed_130472");
		StatusEvent event = update.toEvent("org-1", "msg-1", "1122334455667");
		assertThat(event.organizationId()).isEqualTo("org-1");
		assertThat(event.messageId()).isEqualTo("msg-1");
		assertThat(event.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(event.statusAt()).isEqualTo(Instant.ofEpochSecond(1689380458));
		assertThat(event.phoneNumberId()).isEqualTo("1122334455667");
		assertThat(event.recipient()).isEqualTo("+972987654321");
		assertThat(event.wamid()).isEqualTo("wamid.xyzxyz");
		assertThat(event.error().code()).isEqualTo(130472);
		// a redelivered webhook announces the same event
		assertThat(update.toEvent("org-1", "msg-1", "1122334455667").eventId()).isEqualTo(event.eventId());
	}

	@Test
	void untrackedStatusesAreSkipped() {
		assertThat(StatusUpdate.from(status("played", "1700000000"))).isEmpty();
	}

	@Test
	void malformedTimestampsAreInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> StatusUpdate.from(status("sent", "yesterday")))
			.withMessageContaining("epoch seconds");
	}

	private static WebhookPayload.Status status(String status, String timestamp) {
		return new WebhookPayload.Status("wamid.1", status, timestamp, "14155550123", null, null, null, null, null);
	}

	private static StatusUpdate only(String sample) {
		List<WebhookPayload.Status> statuses = WebhookSamples.messagesValue(sample).statuses();
		assertThat(statuses).hasSize(1);
		return StatusUpdate.from(statuses.get(0)).orElseThrow();
	}

}
