package com.waplatform.common.business;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.waplatform.common.business.CloudEventRead.Reason;
import com.waplatform.common.business.CloudEventRead.Violation;
import com.waplatform.common.json.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Reads CloudEvents 1.0 for the platform, whichever binding brought them: an event in the
 * JSON event format (structured mode, one element of a batch), or the attributes and body
 * of a binary-mode message (Kafka {@code ce_*} headers, HTTP {@code ce-*} headers). It
 * lists every problem rather than stopping at the first, so an HTTP client learns them
 * all at once. Data must be JSON: the rules read fields of it.
 *
 * <p>
 * Written on the platform's Jackson 3 mapper ({@link Json}): the CloudEvents SDK's JSON
 * format ({@code cloudevents-json-jackson}) is built on Jackson 2, which the services do
 * not ship.
 */
public final class CloudEventReader {

	public static final String SPEC_VERSION_1_0 = "1.0";

	/** The content type of one event in structured mode (JSON event format). */
	public static final String STRUCTURED_JSON = "application/cloudevents+json";

	/** The content type of a batch of events (HTTP only). */
	public static final String BATCH_JSON = "application/cloudevents-batch+json";

	/** Prefix of every structured-mode content type ({@code +json}, {@code +avro}...). */
	public static final String STRUCTURED_PREFIX = "application/cloudevents";

	/** The extension attribute naming the organization an event belongs to. */
	public static final String ORGANIZATION_ID = "organizationid";

	private CloudEventReader() {
	}

	/** An event in the JSON event format. */
	public static CloudEventRead structured(JsonNode envelope) {
		if (!envelope.isObject()) {
			return new CloudEventRead.Invalid(
					List.of(new Violation("event", Reason.UNREADABLE_DATA, "must be a JSON object (a CloudEvent)")));
		}
		Attributes attributes = new Attributes((name) -> envelope.get(name));
		String contentType = attributes.text("datacontenttype", false);
		JsonNode data = NullNode.getInstance();
		JsonNode inline = envelope.get("data");
		JsonNode base64 = envelope.get("data_base64");
		if (inline != null && base64 != null) {
			attributes.violation("data", Reason.INVALID_ATTRIBUTE, "data and data_base64 are mutually exclusive");
		}
		else if (base64 != null && !base64.isNull()) {
			data = base64Data(base64, attributes);
		}
		else if (inline != null) {
			data = inline;
		}
		return attributes.result(contentType, data);
	}

	/**
	 * A binary-mode message: {@code attribute} gives the value of an attribute by its
	 * CloudEvents name ({@code id}, {@code organizationid}...), as the binding carries
	 * it; the content type is the data's.
	 */
	public static CloudEventRead binary(Function<String, @Nullable String> attribute, @Nullable String contentType,
			byte[] data) {
		Attributes attributes = new Attributes((name) -> {
			String value = attribute.apply(name);
			return (value != null) ? Json.mapper().getNodeFactory().stringNode(value) : null;
		});
		JsonNode json = NullNode.getInstance();
		if (data.length > 0) {
			json = json(data, "data", attributes);
		}
		return attributes.result(contentType, json);
	}

	/**
	 * Whether a content type is JSON ({@code application/json}, {@code text/json},
	 * {@code application/...+json}, with or without parameters).
	 */
	public static boolean isJson(String contentType) {
		String type = mediaType(contentType);
		return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
	}

	/** The media type without parameters, lower case. */
	public static String mediaType(String contentType) {
		int parameters = contentType.indexOf(';');
		return ((parameters >= 0) ? contentType.substring(0, parameters) : contentType).strip()
			.toLowerCase(Locale.ROOT);
	}

	private static JsonNode base64Data(JsonNode base64, Attributes attributes) {
		if (!base64.isString()) {
			attributes.violation("data_base64", Reason.INVALID_ATTRIBUTE, "must be a Base64 string");
			return NullNode.getInstance();
		}
		try {
			return json(Base64.getDecoder().decode(base64.asString()), "data_base64", attributes);
		}
		catch (IllegalArgumentException ex) {
			attributes.violation("data_base64", Reason.UNREADABLE_DATA, "is not valid Base64");
			return NullNode.getInstance();
		}
	}

	private static JsonNode json(byte[] data, String attribute, Attributes attributes) {
		try {
			return Json.mapper().readTree(data);
		}
		catch (JacksonException ex) {
			attributes.violation(attribute, Reason.UNREADABLE_DATA,
					"is not valid JSON (" + ex.getOriginalMessage() + ")");
			return NullNode.getInstance();
		}
	}

	/** Reads attributes by name, collecting the problems. */
	private static final class Attributes {

		private final Function<String, @Nullable JsonNode> values;

		private final List<Violation> violations = new ArrayList<>();

		Attributes(Function<String, @Nullable JsonNode> values) {
			this.values = values;
		}

		CloudEventRead result(@Nullable String contentType, JsonNode data) {
			String specVersion = text("specversion", true);
			if (specVersion != null && !specVersion.equals(SPEC_VERSION_1_0)) {
				violation("specversion", Reason.INVALID_ATTRIBUTE,
						"'" + specVersion + "' is not supported: only CloudEvents " + SPEC_VERSION_1_0);
			}
			String id = text("id", true);
			String source = text("source", true);
			String type = text("type", true);
			String subject = text("subject", false);
			Instant time = time();
			String organizationId = text(ORGANIZATION_ID, false);
			if (contentType != null && !isJson(contentType)) {
				violation("datacontenttype", Reason.INVALID_ATTRIBUTE,
						"'" + contentType + "' is not JSON: the data of a business event must be JSON");
			}
			if (!this.violations.isEmpty() || id == null || source == null || type == null) {
				return new CloudEventRead.Invalid(sorted());
			}
			return new CloudEventRead.Valid(id, source, type, subject, time, organizationId, data);
		}

		@Nullable String text(String name, boolean required) {
			JsonNode value = this.values.apply(name);
			if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
				if (required) {
					violation(name, Reason.MISSING_ATTRIBUTE, "is required");
				}
				return null;
			}
			if (!value.isString()) {
				violation(name, Reason.INVALID_ATTRIBUTE, "must be a string");
				return null;
			}
			return value.asString();
		}

		private @Nullable Instant time() {
			String time = text("time", false);
			if (time == null) {
				return null;
			}
			try {
				return OffsetDateTime.parse(time).toInstant();
			}
			catch (DateTimeParseException ex) {
				violation("time", Reason.INVALID_ATTRIBUTE,
						"'" + time + "' is not an RFC 3339 timestamp, e.g. 2026-05-01T10:15:30Z");
				return null;
			}
		}

		void violation(String attribute, Reason reason, String message) {
			this.violations.add(new Violation(attribute, reason, message));
		}

		/** Missing attributes first: a record is refused for the most basic problem. */
		private List<Violation> sorted() {
			List<Violation> sorted = new ArrayList<>(this.violations);
			sorted.sort((a, b) -> Integer.compare(a.reason().ordinal(), b.reason().ordinal()));
			return sorted;
		}

	}

}
