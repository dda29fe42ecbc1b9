package com.waplatform.workflow.rules.domain;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.json.Json;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BookingConfirmationTests {

	private static final String VALID = """
			{"bookingId":"B-1042","customerName":"Ana Souza","customerPhone":"+44 7911 123456",
			 "packageName":"Lisbon Old Town Walk","startDate":"2026-12-05","reference":"LIS-77"}
			""";

	@Test
	void mapsABookingToTheConfirmationTemplate() {
		BusinessEvent event = event(VALID);
		SendRequest request = BookingConfirmation.from(event.data()).toSendRequest(event, "pn-1");

		assertThat(request.organizationId()).isEqualTo("org-1");
		assertThat(request.phoneNumberId()).isEqualTo("pn-1");
		assertThat(request.key()).isEqualTo("pn-1");
		assertThat(request.recipient()).isEqualTo("+447911123456");
		assertThat(request.context()).isEqualTo(new SendRequest.BusinessContext("booking", "B-1042"));
		assertThat(request.priority()).isEqualTo(Priority.TRANSACTIONAL);
		assertThat(request.source()).isEqualTo("workflow");
		assertThat(request.scheduledFor()).isNull();
		assertThat(request.messageId()).isEqualTo(
				UUID.nameUUIDFromBytes(("workflow|booking_confirmation|" + event.eventId()).getBytes()).toString());

		MetaMessage message = request.message();
		assertThat(message.type()).isEqualTo("template");
		assertThat(message.to()).isEqualTo("+447911123456");
		assertThat(message.template().name()).isEqualTo("booking_confirmation");
		assertThat(message.template().language().code()).isEqualTo("en");
		assertThat(message.template().components()).singleElement().satisfies((body) -> {
			assertThat(body.type()).isEqualTo("body");
			assertThat(body.parameters()).extracting(MetaMessage.Parameter::type).containsOnly("text");
			assertThat(body.parameters()).extracting(MetaMessage.Parameter::text)
				.containsExactly("Ana Souza", "Lisbon Old Town Walk", "2026-12-05", "LIS-77");
		});
	}

	@Test
	void serializesAsMetasComponents() {
		JsonNode json = Json.mapper()
			.valueToTree(BookingConfirmation.from(event(VALID).data()).message().template().components());
		assertThat(json.toString()).isEqualTo("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":"
				+ "\"Ana Souza\"},{\"type\":\"text\",\"text\":\"Lisbon Old Town Walk\"},{\"type\":\"text\",\"text\":"
				+ "\"2026-12-05\"},{\"type\":\"text\",\"text\":\"LIS-77\"}]}]");
	}

	@Test
	void aRedeliveredEventYieldsTheSameMessage() {
		UUID eventId = UUID.randomUUID();
		assertThat(BookingConfirmation.messageId(eventId)).isEqualTo(BookingConfirmation.messageId(eventId))
			.isNotEqualTo(BookingConfirmation.messageId(UUID.randomUUID()));
	}

	@Test
	void languageAndBusinessNumberMayBeGiven() {
		BookingConfirmation booking = BookingConfirmation
			.from(event(VALID.replace("}", ",\"language\":\"pt_BR\",\"phoneNumberId\":\"pn-9\"}")).data());
		assertThat(booking.language()).isEqualTo("pt_BR");
		assertThat(booking.phoneNumberId()).isEqualTo("pn-9");
		assertThat(BookingConfirmation.from(event(VALID).data()).phoneNumberId()).isNull();
	}

	@Test
	void invalidPhoneNumbersAreRejectedWithTheReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BookingConfirmation.from(event(VALID.replace("+44 7911 123456", "12345")).data()))
			.withMessageContaining("Invalid customerPhone '12345'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BookingConfirmation.from(event(VALID.replace("+44 7911 123456", "call me")).data()))
			.withMessageContaining("not a phone number");
	}

	@Test
	void missingFieldsAreNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BookingConfirmation.from(
					event("{\"bookingId\":\"B-1\",\"customerName\":\" \",\"customerPhone\":\"+447911123456\"}").data()))
			.withMessage("booking.confirmed data lacks customerName, packageName, startDate, reference");
		assertThatIllegalArgumentException().isThrownBy(() -> BookingConfirmation.from(event("[1,2]").data()))
			.withMessageContaining("JSON object");
	}

	private static BusinessEvent event(String data) {
		return new BusinessEvent(UUID.randomUUID(), Instant.now(), "org-1", BusinessEvent.BOOKING_CONFIRMED,
				"/bookings", "B-1042", Json.mapper().readTree(data));
	}

}
