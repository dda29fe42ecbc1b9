package com.waplatform.sender.dispatch;

import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetaCallTests {

	@Test
	void bodyIsAddressedToTheRecipientAndCarriesTheMessageId() {
		SendRequest request = SendRequest.of("org-1", "msg-1", "pn-1", "+4915112345678",
				MetaMessage.text("ignored", "Hello"), null, Priority.TRANSACTIONAL, null, "test");
		MetaMessage body = MetaCall.body(request);
		assertThat(body.to()).isEqualTo("+4915112345678");
		assertThat(body.bizOpaqueCallbackData()).isEqualTo("msg-1");
		assertThat(body.messagingProduct()).isEqualTo("whatsapp");
		assertThat(body.recipientType()).isEqualTo("individual");
		assertThat(body.text().body()).isEqualTo("Hello");
	}

	@Test
	void markAsReadHasNoRecipient() {
		SendRequest request = SendRequest.of("org-1", "msg-2", "pn-1", "+4915112345678",
				MetaMessage.markRead("wamid.X", null), null, Priority.TRANSACTIONAL, null, "test");
		MetaMessage body = MetaCall.body(request);
		assertThat(body.to()).isNull();
		assertThat(body.recipientType()).isNull();
		assertThat(body.status()).isEqualTo("read");
		assertThat(body.messageId()).isEqualTo("wamid.X");
	}

}
