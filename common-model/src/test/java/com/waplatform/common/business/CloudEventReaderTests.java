package com.waplatform.common.business;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.business.CloudEventRead.Reason;
import com.waplatform.common.business.CloudEventRead.Violation;
import com.waplatform.common.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventReaderTests {

	private static final String BOOKING = "{\"bookingId\":\"B-1\",\"customerPhone\":\"+447911123456\"}";

	@Test
	void aStructuredEventIsReadWithItsOrganizationExtension() {
		CloudEventRead read = CloudEventReader.structured(json("""
				{"specversion":"1.0","id":"evt-1","source":"/bookings","type":"booking.confirmed","subject":"B-1",
				 "time":"2026-05-01T12:15:30+02:00","datacontenttype":"application/json","organizationid":"org-1",
				 "data":%s}""".formatted(BOOKING)));

		assertThat(read).isInstanceOfSatisfying(CloudEventRead.Valid.class, (valid) -> {
			assertThat(valid.id()).isEqualTo("evt-1");
			assertThat(valid.source()).isEqualTo("/bookings");
			assertThat(valid.type()).isEqualTo("booking.confirmed");
			assertThat(valid.subject()).isEqualTo("B-1");
			assertThat(valid.time()).isEqualTo(Instant.parse("2026-05-01T10:15:30Z"));
			assertThat(valid.organizationId()).isEqualTo("org-1");
			assertThat(valid.data()).isEqualTo(json(BOOKING));
		});
	}

	@Test
	void structuredDataMayBeBase64EncodedJson() {
		String base64 = Base64.getEncoder().encodeToString(BOOKING.getBytes(StandardCharsets.UTF_8));
		CloudEventRead read = CloudEventReader.structured(json("""
				{"specversion":"1.0","id":"evt-1","source":"/bookings","type":"booking.confirmed",
				 "data_base64":"%s"}""".formatted(base64)));

		assertThat(read).isInstanceOfSatisfying(CloudEventRead.Valid.class,
				(valid) -> assertThat(valid.data()).isEqualTo(json(BOOKING)));
	}

	@Test
	void everyProblemIsListedMissingAttributesFirst() {
		CloudEventRead read = CloudEventReader.structured(json("""
				{"specversion":"0.3","source":"","type":5,"time":"yesterday","datacontenttype":"text/plain"}"""));

		assertThat(read).isInstanceOfSatisfying(CloudEventRead.Invalid.class,
				(invalid) -> assertThat(invalid.violations()).extracting(Violation::attribute, Violation::reason)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("id", Reason.MISSING_ATTRIBUTE),
							org.assertj.core.groups.Tuple.tuple("source", Reason.MISSING_ATTRIBUTE),
							org.assertj.core.groups.Tuple.tuple("specversion", Reason.INVALID_ATTRIBUTE),
							org.assertj.core.groups.Tuple.tuple("type", Reason.INVALID_ATTRIBUTE),
							org.assertj.core.groups.Tuple.tuple("time", Reason.INVALID_ATTRIBUTE),
							org.assertj.core.groups.Tuple.tuple("datacontenttype", Reason.INVALID_ATTRIBUTE)));
	}

	@Test
	void anEnvelopeThatIsNotAnObjectOrDataThatIsNotJsonIsUnreadable() {
		assertThat(CloudEventReader.structured(json("[1, 2]"))).isInstanceOfSatisfying(CloudEventRead.Invalid.class,
				(invalid) -> assertThat(invalid.first().reason()).isEqualTo(Reason.UNREADABLE_DATA));
		CloudEventRead binary = CloudEventReader.binary(attributes(), "application/json",
				"{not json".getBytes(StandardCharsets.UTF_8));
		assertThat(binary).isInstanceOfSatisfying(CloudEventRead.Invalid.class, (invalid) -> {
			assertThat(invalid.first().attribute()).isEqualTo("data");
			assertThat(invalid.first().reason()).isEqualTo(Reason.UNREADABLE_DATA);
		});
	}

	@Test
	void aBinaryMessageIsReadFromItsAttributesAndBody() {
		CloudEventRead read = CloudEventReader.binary(attributes(), "application/json; charset=utf-8",
				BOOKING.getBytes(StandardCharsets.UTF_8));

		assertThat(read).isInstanceOfSatisfying(CloudEventRead.Valid.class, (valid) -> {
			assertThat(valid.organizationId()).isEqualTo("org-1");
			assertThat(valid.subject()).isNull();
			BusinessEvent event = valid.toBusinessEvent(UUID.randomUUID(), "org-1", Instant.EPOCH);
			assertThat(event.subject()).as("the id when there is no subject").isEqualTo("evt-1");
			assertThat(event.occurredAt()).isEqualTo(Instant.EPOCH);
			assertThat(event.data()).isEqualTo(json(BOOKING));
		});
	}

	@Test
	void contentTypesAreJsonWithOrWithoutParameters() {
		assertThat(CloudEventReader.isJson("application/json")).isTrue();
		assertThat(CloudEventReader.isJson("Application/JSON; charset=utf-8")).isTrue();
		assertThat(CloudEventReader.isJson("application/vnd.bookings+json")).isTrue();
		assertThat(CloudEventReader.isJson("text/plain")).isFalse();
	}

	@Test
	void organizationEventIdsDifferPerOrganizationAndAreStable() {
		UUID first = BusinessEvent.organizationEventId("org-1", "/bookings", "evt-1");
		assertThat(BusinessEvent.organizationEventId("org-1", "/bookings", "evt-1")).isEqualTo(first);
		assertThat(BusinessEvent.organizationEventId("org-2", "/bookings", "evt-1")).isNotEqualTo(first);
		assertThat(BusinessEvent.organizationEventId("org-1", "/bookings|x", "y"))
			.isNotEqualTo(BusinessEvent.organizationEventId("org-1", "/bookings", "x|y"));
		UUID id = UUID.randomUUID();
		assertThat(BusinessEvent.eventIdOf("/bookings", id.toString())).isEqualTo(id);
	}

	private static java.util.function.Function<String, String> attributes() {
		Map<String, String> attributes = Map.of("specversion", "1.0", "id", "evt-1", "source", "/bookings", "type",
				"booking.confirmed", "organizationid", "org-1");
		return attributes::get;
	}

	private static JsonNode json(String json) {
		return Json.mapper().readTree(json);
	}

}
