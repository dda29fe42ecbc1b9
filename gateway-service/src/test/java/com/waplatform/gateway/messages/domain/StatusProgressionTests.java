package com.waplatform.gateway.messages.domain;

import com.waplatform.common.message.MessageStatus;
import org.junit.jupiter.api.Test;

import static com.waplatform.common.message.MessageStatus.ACCEPTED;
import static com.waplatform.common.message.MessageStatus.DELIVERED;
import static com.waplatform.common.message.MessageStatus.EXPIRED;
import static com.waplatform.common.message.MessageStatus.FAILED;
import static com.waplatform.common.message.MessageStatus.QUEUED;
import static com.waplatform.common.message.MessageStatus.READ;
import static com.waplatform.common.message.MessageStatus.SCHEDULED;
import static com.waplatform.common.message.MessageStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

class StatusProgressionTests {

	@Test
	void statusesMoveForwardOnly() {
		assertThat(StatusProgression.replaces(QUEUED, ACCEPTED)).isTrue();
		assertThat(StatusProgression.replaces(ACCEPTED, DELIVERED)).isTrue();
		assertThat(StatusProgression.replaces(DELIVERED, READ)).isTrue();
		assertThat(StatusProgression.replaces(DELIVERED, SENT)).isFalse();
		assertThat(StatusProgression.replaces(READ, DELIVERED)).isFalse();
		assertThat(StatusProgression.replaces(SENT, SENT)).isFalse();
		assertThat(StatusProgression.replaces(SCHEDULED, QUEUED)).isFalse();
	}

	@Test
	void terminalFailuresWinOverAnythingButRead() {
		for (MessageStatus before : new MessageStatus[] { QUEUED, SCHEDULED, ACCEPTED, SENT, DELIVERED }) {
			assertThat(StatusProgression.replaces(before, FAILED)).as(before + " -> failed").isTrue();
		}
		assertThat(StatusProgression.replaces(READ, FAILED)).isFalse();
		assertThat(StatusProgression.replaces(FAILED, READ)).isFalse();
		assertThat(StatusProgression.replaces(FAILED, EXPIRED)).isFalse();
	}

}
