package com.waplatform.workflow.rules.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A confirmed booking, as the {@code booking_confirmation} template needs it: body
 * parameters {{1}} customer name, {{2}} package, {{3}} start date, {{4}} reference.
 *
 * @param customerPhone the customer's number in E.164
 * @param phoneNumberId the business number to send from, when the event names one
 * @param language the template language, {@code en} unless the event says otherwise
 */
public record BookingConfirmation(String bookingId, String customerName, String customerPhone, String packageName,
		String startDate, String reference, @Nullable String phoneNumberId, String language) {

	public static final String TEMPLATE = "booking_confirmation";

	public static final String DEFAULT_LANGUAGE = "en";

	/**
	 * Reads a {@code booking.confirmed} event's data. Missing fields or an invalid phone
	 * number are {@link IllegalArgumentException}s naming the reason: such an event can
	 * never become a message.
	 */
	public static BookingConfirmation from(JsonNode data) {
		if (data == null || !data.isObject()) {
			throw new IllegalArgumentException("booking.confirmed data must be a JSON object");
		}
		List<String> missing = new ArrayList<>();
		String bookingId = required(data, "bookingId", missing);
		String customerName = required(data, "customerName", missing);
		String customerPhone = required(data, "customerPhone", missing);
		String packageName = required(data, "packageName", missing);
		String startDate = required(data, "startDate", missing);
		String reference = required(data, "reference", missing);
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("booking.confirmed data lacks " + String.join(", ", missing));
		}
		NormalizedPhone phone = PhoneNumbers.normalize(customerPhone);
		if (phone instanceof NormalizedPhone.Invalid invalid) {
			throw new IllegalArgumentException("Invalid customerPhone '" + customerPhone + "': " + invalid.reason());
		}
		String recipient = ((NormalizedPhone.Valid) phone).e164();
		String language = optional(data, "language");
		return new BookingConfirmation(bookingId, customerName, recipient, packageName, startDate, reference,
				optional(data, "phoneNumberId"), (language != null) ? language : DEFAULT_LANGUAGE);
	}

	/**
	 * Our message id for the confirmation of {@code eventId}: the same for a redelivered
	 * event, so it can never become two messages.
	 */
	public static String messageId(UUID eventId) {
		return UUID.nameUUIDFromBytes(("workflow|" + TEMPLATE + "|" + eventId).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	public MetaMessage message() {
		List<MetaMessage.Parameter> parameters = List.of(MetaMessage.Parameter.text(this.customerName),
				MetaMessage.Parameter.text(this.packageName), MetaMessage.Parameter.text(this.startDate),
				MetaMessage.Parameter.text(this.reference));
		MetaMessage.Template template = new MetaMessage.Template(TEMPLATE, MetaMessage.Language.of(this.language),
				List.of(new MetaMessage.Component("body", null, null, parameters)));
		return MetaMessage.template(this.customerPhone, template);
	}

	/**
	 * The send request for {@code event}, from the business number {@code phoneNumberId}.
	 */
	public SendRequest toSendRequest(BusinessEvent event, String phoneNumberId) {
		return SendRequest.of(event.organizationId(), messageId(event.eventId()), phoneNumberId, this.customerPhone,
				message(), new SendRequest.BusinessContext("booking", this.bookingId), Priority.TRANSACTIONAL, null,
				"workflow");
	}

	private static @Nullable String optional(JsonNode data, String field) {
		JsonNode node = data.path(field);
		if (node.isString() || node.isNumber()) {
			String value = node.asString().strip();
			return value.isEmpty() ? null : value;
		}
		return null;
	}

	private static String required(JsonNode data, String field, List<String> missing) {
		String value = optional(data, field);
		if (value == null) {
			missing.add(field);
			return "";
		}
		return value;
	}

}
