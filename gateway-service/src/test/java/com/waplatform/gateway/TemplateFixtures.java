package com.waplatform.gateway;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;

/**
 * Templates as Meta lists them ({@code GET /{waba-id}/message_templates}) for a tour
 * operator: a positional body with four variables, a named body, an image header with a
 * dynamic URL button.
 */
public final class TemplateFixtures {

	private TemplateFixtures() {
	}

	/** POSITIONAL: text header, body {{1}}..{{4}}, footer, two quick replies. */
	public static MessageTemplate bookingReminder() {
		return read(
				"""
						{"id": "1145489599421404", "name": "booking_reminder", "language": "en_US", "status": "APPROVED",
						 "category": "UTILITY", "parameter_format": "POSITIONAL", "quality_score": {"score": "GREEN"},
						 "components": [
						  {"type": "HEADER", "format": "TEXT", "text": "Booking reminder"},
						  {"type": "BODY", "text": "Hi {{1}}, your tour {{2}} starts on {{3}} at {{4}}. Please arrive 15 minutes early.",
						   "example": {"body_text": [["Ann", "Old Town Walk", "12 May", "10:00"]]}},
						  {"type": "FOOTER", "text": "Acme Tours"},
						  {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Confirm"},
						                                  {"type": "QUICK_REPLY", "text": "Cancel"}]}]}""");
	}

	/** NAMED: body {{first_name}} and {{booking_id}}. */
	public static MessageTemplate bookingConfirmed() {
		return read("""
				{"id": "1214624639427985", "name": "booking_confirmed", "language": "en_US", "status": "APPROVED",
				 "category": "UTILITY", "parameter_format": "NAMED",
				 "components": [
				  {"type": "BODY", "text": "Hi {{first_name}}, booking {{booking_id}} is confirmed.",
				   "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Ann"},
				                                          {"param_name": "booking_id", "example": "B-1"}]}}]}""");
	}

	/** Image header, body {{1}} {{2}}, footer, a URL button with a dynamic suffix. */
	public static MessageTemplate tourTicket() {
		return read(
				"""
						{"id": "920070352646140", "name": "tour_ticket", "language": "en_US", "status": "APPROVED",
						 "category": "UTILITY", "parameter_format": "POSITIONAL",
						 "components": [
						  {"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2UvanBlZw==:ARb"]}},
						  {"type": "BODY", "text": "Hi {{1}}, here is your ticket for {{2}}.",
						   "example": {"body_text": [["Ann", "Old Town Walk"]]}},
						  {"type": "FOOTER", "text": "Show this ticket to your guide"},
						  {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "View booking",
						   "url": "https://tours.example.com/bookings/{{1}}", "example": ["https://tours.example.com/bookings/B-1"]}]}]}""");
	}

	public static MessageTemplate withStatus(MessageTemplate template, String status, String reason) {
		return new MessageTemplate(template.id(), template.name(), template.language(), status, template.category(),
				template.parameterFormat(), template.components(), template.qualityScore(), reason,
				template.subCategory());
	}

	public static MessageTemplate renamed(MessageTemplate template, String name, String language) {
		return new MessageTemplate(template.id(), name, language, template.status(), template.category(),
				template.parameterFormat(), template.components(), template.qualityScore(), template.rejectedReason(),
				template.subCategory());
	}

	private static MessageTemplate read(String json) {
		return Json.mapper().readValue(json, MessageTemplate.class);
	}

}
