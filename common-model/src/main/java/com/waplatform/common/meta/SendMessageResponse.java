package com.waplatform.common.meta;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Meta's 200 answer to a send: {@code contacts} and {@code messages}; for mark-as-read
 * only {@code success}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendMessageResponse(@JsonProperty("messaging_product") @Nullable String messagingProduct,
		@Nullable List<Contact> contacts, @Nullable List<SentMessage> messages, @Nullable Boolean success) {

	public @Nullable String wamid() {
		return (this.messages != null && !this.messages.isEmpty()) ? this.messages.get(0).id() : null;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Contact(String input, @JsonProperty("wa_id") @Nullable String waId,
			@JsonProperty("user_id") @Nullable String userId) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SentMessage(String id, @JsonProperty("message_status") @Nullable String messageStatus) {
	}

}
