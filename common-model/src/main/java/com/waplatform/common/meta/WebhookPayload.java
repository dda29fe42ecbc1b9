package com.waplatform.common.meta;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Meta's webhook envelope. {@code changes[].value} stays JSON because its shape depends
 * on {@code field}; {@link MessagesValue} is the shape of the {@code messages} field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookPayload(String object, List<Entry> entry) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(String id, @Nullable Long time, List<Change> changes) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Change(String field, JsonNode value) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record MessagesValue(@JsonProperty("messaging_product") @Nullable String messagingProduct,
			@Nullable Metadata metadata, @Nullable List<Contact> contacts, @Nullable List<InboundMessageDto> messages,
			@Nullable List<Status> statuses, @Nullable List<WebhookError> errors) {
	}

	public record Metadata(@JsonProperty("display_phone_number") @Nullable String displayPhoneNumber,
			@JsonProperty("phone_number_id") String phoneNumberId) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Contact(@Nullable Profile profile, @JsonProperty("wa_id") @Nullable String waId,
			@JsonProperty("user_id") @Nullable String userId) {
	}

	public record Profile(@Nullable String name) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Status(String id, String status, String timestamp,
			@JsonProperty("recipient_id") @Nullable String recipientId,
			@JsonProperty("recipient_user_id") @Nullable String recipientUserId,
			@JsonProperty("biz_opaque_callback_data") @Nullable String bizOpaqueCallbackData,
			@Nullable JsonNode conversation, @Nullable JsonNode pricing, @Nullable List<WebhookError> errors) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record WebhookError(int code, @Nullable String title, @Nullable String message,
			@JsonProperty("error_data") @Nullable ErrorData errorData, @Nullable String href) {

		public @Nullable String details() {
			return (this.errorData != null) ? this.errorData.details() : null;
		}

	}

	public record ErrorData(@Nullable String details) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record InboundMessageDto(@Nullable String from, String id, String timestamp, String type,
			@Nullable TextBody text, @Nullable MessageRef context, @Nullable ButtonReply button,
			@Nullable JsonNode interactive, @Nullable ReactionBody reaction, @Nullable JsonNode image,
			@Nullable JsonNode audio, @Nullable JsonNode video, @Nullable JsonNode document, @Nullable JsonNode sticker,
			@Nullable JsonNode location, @Nullable JsonNode contacts, @Nullable JsonNode order,
			@Nullable JsonNode system, @Nullable JsonNode referral, @Nullable List<WebhookError> errors,
			@JsonProperty("from_user_id") @Nullable String fromUserId, @Nullable JsonNode edit,
			@Nullable JsonNode revoke, @Nullable JsonNode unsupported, @Nullable JsonNode identity) {
	}

	public record TextBody(String body) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record MessageRef(@Nullable String from, @Nullable String id, @Nullable Boolean forwarded) {
	}

	public record ButtonReply(@Nullable String payload, @Nullable String text) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ReactionBody(@JsonProperty("message_id") String messageId, @Nullable String emoji) {
	}

}
