package com.waplatform.common.meta;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Meta's message object, the body of {@code POST /{version}/{phone-number-id}/messages},
 * with Meta's field names. One type's object is set, named by {@code type}; mark-as-read
 * uses {@code status}/{@code message_id} instead of {@code to}/{@code type}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetaMessage(@JsonProperty("messaging_product") @Nullable String messagingProduct,
		@JsonProperty("recipient_type") @Nullable String recipientType, @Nullable String to, @Nullable String type,
		@Nullable ReplyContext context, @Nullable Text text, @Nullable Template template, @Nullable Media image,
		@Nullable Media document, @Nullable Media audio, @Nullable Media video, @Nullable Media sticker,
		@Nullable Interactive interactive, @Nullable Reaction reaction,
		@JsonProperty("biz_opaque_callback_data") @Nullable String bizOpaqueCallbackData, @Nullable String status,
		@JsonProperty("message_id") @Nullable String messageId,
		@JsonProperty("typing_indicator") @Nullable TypingIndicator typingIndicator, @Nullable Location location,
		@Nullable List<JsonNode> contacts) {

	public static final String WHATSAPP = "whatsapp";

	public static MetaMessage text(String to, String body) {
		return new MetaMessage(WHATSAPP, "individual", to, "text", null, new Text(body, null), null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);
	}

	public static MetaMessage template(String to, Template template) {
		return new MetaMessage(WHATSAPP, "individual", to, "template", null, null, template, null, null, null, null,
				null, null, null, null, null, null, null, null, null);
	}

	public static MetaMessage markRead(String messageId, @Nullable TypingIndicator typingIndicator) {
		return new MetaMessage(WHATSAPP, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, "read", messageId, typingIndicator, null, null);
	}

	/** This message addressed to {@code recipient}, as sent to Meta. */
	public MetaMessage withRecipient(@Nullable String recipient) {
		return new MetaMessage(WHATSAPP, (recipient != null) ? orDefault(this.recipientType, "individual") : null,
				recipient, this.type, this.context, this.text, this.template, this.image, this.document, this.audio,
				this.video, this.sticker, this.interactive, this.reaction, this.bizOpaqueCallbackData, this.status,
				this.messageId, this.typingIndicator, this.location, this.contacts);
	}

	/** This message carrying our id, which Meta echoes on every status webhook. */
	public MetaMessage withCallbackData(@Nullable String callbackData) {
		return new MetaMessage(orDefault(this.messagingProduct, WHATSAPP), this.recipientType, this.to, this.type,
				this.context, this.text, this.template, this.image, this.document, this.audio, this.video, this.sticker,
				this.interactive, this.reaction, callbackData, this.status, this.messageId, this.typingIndicator,
				this.location, this.contacts);
	}

	/** Not a Meta field: Jackson would otherwise write it as {@code markRead}. */
	@JsonIgnore
	public boolean isMarkRead() {
		return "read".equals(this.status) && this.type == null;
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	public record ReplyContext(@JsonProperty("message_id") String messageId) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Text(String body, @JsonProperty("preview_url") @Nullable Boolean previewUrl) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Media(@Nullable String id, @Nullable String link, @Nullable String caption,
			@Nullable String filename) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Reaction(@JsonProperty("message_id") String messageId, String emoji) {
	}

	public record TypingIndicator(String type) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Template(String name, Language language, @Nullable List<Component> components) {

		public List<Component> componentsOrEmpty() {
			return (this.components != null) ? this.components : List.of();
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Language(String code, @Nullable String policy) {

		public static Language of(String code) {
			return new Language(code, null);
		}

	}

	/** A template component: {@code header}, {@code body} or {@code button}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Component(String type, @JsonProperty("sub_type") @Nullable String subType, @Nullable String index,
			@Nullable List<Parameter> parameters) {

		public List<Parameter> parametersOrEmpty() {
			return (this.parameters != null) ? this.parameters : List.of();
		}

	}

	/**
	 * A template parameter; {@code type} names the field that is set: {@code text},
	 * {@code payload} (quick-reply button), {@code currency}, {@code date_time},
	 * {@code image}/{@code document}/{@code video}/{@code location} (header),
	 * {@code coupon_code} (copy-code button) or {@code action} (flow, catalog and
	 * multi-product buttons, kept as Meta's JSON).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Parameter(String type, @JsonProperty("parameter_name") @Nullable String parameterName,
			@Nullable String text, @Nullable String payload, @Nullable Currency currency,
			@JsonProperty("date_time") @Nullable DateTime dateTime, @Nullable Media image, @Nullable Media document,
			@Nullable Media video, @JsonProperty("coupon_code") @Nullable String couponCode,
			@Nullable Location location, @Nullable JsonNode action) {

		public Parameter(String type, @Nullable String parameterName, @Nullable String text, @Nullable String payload,
				@Nullable Currency currency, @Nullable DateTime dateTime, @Nullable Media image,
				@Nullable Media document, @Nullable Media video) {
			this(type, parameterName, text, payload, currency, dateTime, image, document, video, null, null, null);
		}

		public static Parameter currency(Currency currency) {
			return new Parameter("currency", null, null, null, currency, null, null, null, null);
		}

		public static Parameter dateTime(String fallbackValue) {
			return new Parameter("date_time", null, null, null, null, new DateTime(fallbackValue), null, null, null);
		}

		public static Parameter image(Media image) {
			return new Parameter("image", null, null, null, null, null, image, null, null);
		}

		public static Parameter document(Media document) {
			return new Parameter("document", null, null, null, null, null, null, document, null);
		}

		public static Parameter video(Media video) {
			return new Parameter("video", null, null, null, null, null, null, null, video);
		}

		public static Parameter location(Location location) {
			return new Parameter("location", null, null, null, null, null, null, null, null, null, location, null);
		}

		public static Parameter couponCode(String couponCode) {
			return new Parameter("coupon_code", null, null, null, null, null, null, null, null, couponCode, null, null);
		}

		public static Parameter action(JsonNode action) {
			return new Parameter("action", null, null, null, null, null, null, null, null, null, null, action);
		}

		public static Parameter text(String text) {
			return new Parameter("text", null, text, null, null, null, null, null, null);
		}

		public static Parameter namedText(String name, String text) {
			return new Parameter("text", name, text, null, null, null, null, null, null);
		}

		public static Parameter payload(String payload) {
			return new Parameter("payload", null, null, payload, null, null, null, null, null);
		}

	}

	public record Currency(@JsonProperty("fallback_value") String fallbackValue, String code,
			@JsonProperty("amount_1000") long amount1000) {
	}

	/**
	 * Meta's {@code date_time} parameter. The Cloud API shows {@code fallback_value}; the
	 * calendar fields are kept so a message passes through unchanged.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DateTime(@JsonProperty("fallback_value") String fallbackValue,
			@JsonProperty("day_of_week") @Nullable Integer dayOfWeek, @Nullable Integer year, @Nullable Integer month,
			@JsonProperty("day_of_month") @Nullable Integer dayOfMonth, @Nullable Integer hour,
			@Nullable Integer minute, @Nullable String calendar) {

		public DateTime(String fallbackValue) {
			this(fallbackValue, null, null, null, null, null, null, null);
		}

	}

	/**
	 * A location: a template header's parameter, or the body of a {@code location}
	 * message (latitude and longitude as Meta's examples write them, strings of decimal
	 * degrees).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Location(@Nullable String latitude, @Nullable String longitude, @Nullable String name,
			@Nullable String address) {
	}

	/**
	 * Interactive messages: reply buttons ({@code button}), lists ({@code list}) and the
	 * other Meta kinds (cta_url, flow, product...) whose action stays as Meta's JSON.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Interactive(String type, @Nullable InteractiveHeader header, @Nullable Body body,
			@Nullable Body footer, @Nullable Action action) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record InteractiveHeader(String type, @Nullable String text, @Nullable Media image, @Nullable Media video,
			@Nullable Media document) {
	}

	public record Body(String text) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Action(@Nullable String button, @Nullable List<Button> buttons, @Nullable List<Section> sections,
			@Nullable String name, @Nullable JsonNode parameters) {
	}

	public record Button(String type, Reply reply) {
	}

	public record Reply(String id, String title) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Section(@Nullable String title, List<Row> rows) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Row(String id, String title, @Nullable String description) {
	}

}
