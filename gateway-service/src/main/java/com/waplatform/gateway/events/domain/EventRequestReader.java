package com.waplatform.gateway.events.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.business.CloudEventRead;
import com.waplatform.common.business.CloudEventReader;
import com.waplatform.common.json.Json;
import com.waplatform.gateway.events.domain.PostedEvents.Mode;
import com.waplatform.gateway.events.domain.PostedEvents.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code POST /v1/events} request by the CloudEvents HTTP binding: binary mode
 * ({@code ce-*} headers, the body is the data), structured mode
 * ({@code application/cloudevents+json}) or a batch
 * ({@code application/cloudevents-batch+json}, a JSON array of structured events). Every
 * event becomes a {@link BusinessEvent} of the caller's organization: an event naming
 * another organization ({@code organizationid}) is refused, never re-addressed. Its id is
 * {@link BusinessEvent#organizationEventId} of the organization, {@code source} and
 * {@code id}, the identity the CloudEvents spec gives an event.
 */
public final class EventRequestReader {

	private static final String BINARY_PREFIX = "ce-";

	private final int maxBatchSize;

	public EventRequestReader(int maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
	}

	/**
	 * @param contentType the request's {@code Content-Type}
	 * @param header a request header by (case-insensitive) name
	 * @param hasBinaryHeaders whether any {@code ce-*} header is present
	 */
	public PostedEvents read(@Nullable String contentType, Function<String, @Nullable String> header,
			boolean hasBinaryHeaders, byte[] body, String organizationId, Instant receivedAt) {
		String mediaType = (contentType != null) ? CloudEventReader.mediaType(contentType) : "";
		if (mediaType.equals(CloudEventReader.BATCH_JSON)) {
			return batch(body, organizationId, receivedAt);
		}
		if (mediaType.equals(CloudEventReader.STRUCTURED_JSON)) {
			JsonNode envelope = json(body);
			if (envelope == null || !envelope.isObject()) {
				return malformed("A structured-mode CloudEvent must be a JSON object");
			}
			return accept(Mode.STRUCTURED, List.of(CloudEventReader.structured(envelope)), false, organizationId,
					receivedAt);
		}
		if (mediaType.startsWith(CloudEventReader.STRUCTURED_PREFIX)) {
			return unsupported("Event format '" + mediaType + "' is not supported: send "
					+ CloudEventReader.STRUCTURED_JSON + " or " + CloudEventReader.BATCH_JSON);
		}
		if (!hasBinaryHeaders) {
			return unsupported("Not a CloudEvent: send binary mode (ce-specversion, ce-id, ce-source, ce-type headers "
					+ "and the data as a JSON body), " + CloudEventReader.STRUCTURED_JSON + " or "
					+ CloudEventReader.BATCH_JSON);
		}
		CloudEventRead read = CloudEventReader.binary((name) -> decoded(header.apply(BINARY_PREFIX + name)),
				contentType, body);
		return accept(Mode.BINARY, List.of(read), false, organizationId, receivedAt);
	}

	private PostedEvents batch(byte[] body, String organizationId, Instant receivedAt) {
		JsonNode array = json(body);
		if (array == null || !array.isArray()) {
			return malformed("A batch of CloudEvents must be a JSON array");
		}
		if (array.size() > this.maxBatchSize) {
			return new PostedEvents.Refused(Problem.TOO_MANY,
					"A batch holds at most " + this.maxBatchSize + " events, this one " + array.size(), List.of());
		}
		List<CloudEventRead> reads = new ArrayList<>();
		array.forEach((element) -> reads.add(CloudEventReader.structured(element)));
		return accept(Mode.BATCH, reads, true, organizationId, receivedAt);
	}

	private static PostedEvents accept(Mode mode, List<CloudEventRead> reads, boolean indexed, String organizationId,
			Instant receivedAt) {
		List<EventError> errors = new ArrayList<>();
		List<BusinessEvent> events = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < reads.size(); i++) {
			Integer index = indexed ? i : null;
			CloudEventRead read = reads.get(i);
			if (read instanceof CloudEventRead.Invalid invalid) {
				invalid.violations()
					.forEach((violation) -> errors
						.add(new EventError(index, violation.attribute(), violation.message())));
				continue;
			}
			CloudEventRead.Valid valid = (CloudEventRead.Valid) read;
			if (valid.organizationId() != null && !valid.organizationId().equals(organizationId)) {
				errors.add(new EventError(index, CloudEventReader.ORGANIZATION_ID,
						"names another organization: an event belongs to the organization of the API key "
								+ "(leave organizationid out)"));
				continue;
			}
			events.add(
					valid.toBusinessEvent(BusinessEvent.organizationEventId(organizationId, valid.source(), valid.id()),
							organizationId, receivedAt));
			ids.add(valid.id());
		}
		if (!errors.isEmpty()) {
			long bad = errors.stream().map(EventError::index).distinct().count();
			String detail = indexed
					? bad + " of " + reads.size() + " events are invalid (see errors); none was published"
					: (errors.size() == 1) ? errors.get(0).field() + ": " + errors.get(0).message()
							: errors.size() + " attributes are invalid (see errors)";
			return new PostedEvents.Refused(Problem.INVALID, detail, errors);
		}
		return new PostedEvents.Accepted(mode, events, ids);
	}

	private static @Nullable JsonNode json(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return Json.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * A {@code ce-*} header value with its percent-encoding undone, as the HTTP binding
	 * prescribes ({@code +} stays a plus).
	 */
	static @Nullable String decoded(@Nullable String value) {
		if (value == null || value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] raw = value.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
				bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
				i += 2;
			}
			else {
				bytes.write(raw[i]);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hex(byte digit) {
		return Character.digit((char) digit, 16);
	}

	private static PostedEvents malformed(String detail) {
		return new PostedEvents.Refused(Problem.MALFORMED, detail, List.of());
	}

	private static PostedEvents unsupported(String detail) {
		return new PostedEvents.Refused(Problem.UNSUPPORTED, detail, List.of());
	}

}
