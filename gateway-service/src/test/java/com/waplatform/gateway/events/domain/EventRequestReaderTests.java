package com.waplatform.gateway.events.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.gateway.events.domain.PostedEvents.Mode;
import com.waplatform.gateway.events.domain.PostedEvents.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventRequestReaderTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static final String DATA = "{\"bookingId\": \"B-1\"}";

	private final EventRequestReader reader = new EventRequestReader(3);

	@Test
	void binaryModeReadsPercentDecodedHeadersAndTheBody() {
		Map<String, String> headers = binaryHeaders();
		headers.put("ce-source", "/bookings%2Feu");
		headers.put("ce-subject", "B-1+x");

		PostedEvents posted = read("application/json", headers, DATA);

		assertThat(posted).isInstanceOfSatisfying(PostedEvents.Accepted.class, (accepted) -> {
			assertThat(accepted.mode()).isEqualTo(Mode.BINARY);
			BusinessEvent event = accepted.events().get(0);
			assertThat(event.source()).isEqualTo("/bookings/eu");
			assertThat(event.subject()).isEqualTo("B-1+x");
			assertThat(event.organizationId()).isEqualTo("org-a");
			assertThat(event.occurredAt()).isEqualTo(NOW);
			assertThat(event.eventId()).isEqualTo(BusinessEvent.organizationEventId("org-a", "/bookings/eu", "evt-1"));
			assertThat(accepted.cloudEventIds()).containsExactly("evt-1");
		});
	}

	@Test
	void anEventNamingAnotherOrganizationIsRefusedNotReaddressed() {
		Map<String, String> headers = binaryHeaders();
		headers.put("ce-organizationid", "org-b");

		assertThat(read("application/json", headers, DATA)).isInstanceOfSatisfying(PostedEvents.Refused.class,
				(refused) -> {
					assertThat(refused.problem()).isEqualTo(Problem.INVALID);
					assertThat(refused.errors()).extracting(EventError::field).containsExactly("organizationid");
				});
		headers.put("ce-organizationid", "org-a");
		assertThat(read("application/json", headers, DATA)).isInstanceOf(PostedEvents.Accepted.class);
	}

	@Test
	void theModeComesFromTheContentTypeAndTheHeaders() {
		assertThat(read("application/json", new TreeMap<>(), DATA)).isInstanceOfSatisfying(PostedEvents.Refused.class,
				(refused) -> assertThat(refused.problem()).isEqualTo(Problem.UNSUPPORTED));
		assertThat(read("application/cloudevents+avro", new TreeMap<>(), DATA)).isInstanceOfSatisfying(
				PostedEvents.Refused.class, (refused) -> assertThat(refused.problem()).isEqualTo(Problem.UNSUPPORTED));
		assertThat(read("application/cloudevents+json; charset=utf-8", new TreeMap<>(), "[]")).isInstanceOfSatisfying(
				PostedEvents.Refused.class, (refused) -> assertThat(refused.problem()).isEqualTo(Problem.MALFORMED));
		assertThat(read("application/cloudevents-batch+json", new TreeMap<>(), "[{}, {}, {}, {}]"))
			.isInstanceOfSatisfying(PostedEvents.Refused.class,
					(refused) -> assertThat(refused.problem()).isEqualTo(Problem.TOO_MANY));
	}

	@Test
	void aBatchNamesEveryProblemOfEveryBadEventByIndex() {
		String batch = """
				[{"specversion": "1.0", "id": "a", "source": "/s", "type": "t"},
				 {"specversion": "1.0", "source": "/s"},
				 {"specversion": "1.0", "id": "c", "source": "/s", "type": "t", "time": "never"}]""";

		assertThat(read("application/cloudevents-batch+json", new TreeMap<>(), batch))
			.isInstanceOfSatisfying(PostedEvents.Refused.class, (refused) -> {
				assertThat(refused.detail()).isEqualTo("2 of 3 events are invalid (see errors); none was published");
				assertThat(refused.errors()).extracting(EventError::index, EventError::field)
					.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "id"),
							org.assertj.core.groups.Tuple.tuple(1, "type"),
							org.assertj.core.groups.Tuple.tuple(2, "time"));
			});
	}

	private PostedEvents read(String contentType, Map<String, String> headers, String body) {
		Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		caseInsensitive.putAll(headers);
		boolean binary = caseInsensitive.keySet().stream().anyMatch((name) -> name.startsWith("ce-"));
		return this.reader.read(contentType, caseInsensitive::get, binary, body.getBytes(StandardCharsets.UTF_8),
				"org-a", NOW);
	}

	private static Map<String, String> binaryHeaders() {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("ce-specversion", "1.0");
		headers.put("ce-id", "evt-1");
		headers.put("ce-source", "/bookings");
		headers.put("ce-type", "booking.confirmed");
		return headers;
	}

}
