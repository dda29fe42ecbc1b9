package com.waplatform.common.template;

import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;

/**
 * Templates as Meta lists them, and sends, written as Meta's JSON: the one set of
 * template fixtures every module's tests share (common-model's test-jar).
 */
public final class TemplateFixtures {

	private TemplateFixtures() {
	}

	/** Text header, 4 positional body variables, footer and one button of each kind. */
	static final String BOOKING = """
			{"name":"booking_update","language":"en_US","status":"APPROVED","category":"UTILITY",
			 "parameter_format":"POSITIONAL","components":[
			  {"type":"HEADER","format":"TEXT","text":"Booking {{1}}"},
			  {"type":"BODY","text":"Hi {{1}}, your tour {{2}} starts {{3}}. Total: {{4}}."},
			  {"type":"FOOTER","text":"Lisbon Tours"},
			  {"type":"BUTTONS","buttons":[
			    {"type":"QUICK_REPLY","text":"Confirm"},
			    {"type":"URL","text":"Manage booking","url":"https://tours.example/manage/{{1}}"},
			    {"type":"PHONE_NUMBER","text":"Call us","phone_number":"+15550100200"},
			    {"type":"COPY_CODE","text":"Copy offer code"},
			    {"type":"URL","text":"Website","url":"https://tours.example"}]}]}
			""";

	static final String BOOKING_SEND = """
			{"name":"booking_update","language":{"code":"en_US"},"components":[
			  {"type":"header","parameters":[{"type":"text","text":"BK-1042"}]},
			  {"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"Old Town Walk"},{"type":"date_time","date_time":{"fallback_value":"June 1, 2026 09:30"}},{"type":"currency","currency":{"fallback_value":"€120.00","code":"EUR","amount_1000":120000}}]},
			  {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"CONFIRM_BK-1042"}]},
			  {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"bk-1042?lang=en"}]},
			  {"type":"button","sub_type":"copy_code","index":"3","parameters":[{"type":"coupon_code","coupon_code":"SUMMER25"}]}]}
			""";

	/** Named variables in header and body. */
	static final String FOLLOW_UP = """
			{"name":"follow_up","language":"en","status":"APPROVED","category":"MARKETING",
			 "parameter_format":"NAMED","components":[
			  {"type":"HEADER","format":"TEXT","text":"Welcome back from {{city}}"},
			  {"type":"BODY","text":"Hi {{first_name}}, how was {{tour}}? {{first_name}}, rate it below."},
			  {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Loved it"}]}]}
			""";

	static final String FOLLOW_UP_SEND = """
			{"name":"follow_up","language":{"code":"en"},"components":[
			  {"type":"header","parameters":[{"type":"text","parameter_name":"city","text":"Lisbon"}]},
			  {"type":"body","parameters":[
			    {"type":"text","parameter_name":"tour","text":"the Old Town Walk"},
			    {"type":"text","parameter_name":"first_name","text":"Ana"}]}]}
			""";

	/** The body is the only component. */
	static final String BODY_ONLY = """
			{"name":"notice","language":"en","status":"APPROVED","components":[
			  {"type":"BODY","text":"Notice: {{1}}"}]}
			""";

	static String mediaTemplate(String format) {
		return """
				{"name":"media_%s","language":"en","status":"APPROVED","components":[
				  {"type":"HEADER","format":"%s"},
				  {"type":"BODY","text":"Hi {{1}}, see above."}]}
				""".formatted(format.toLowerCase(java.util.Locale.ROOT), format);
	}

	static String mediaSend(String format, String headerParameter) {
		return """
				{"name":"media_%s","language":{"code":"en"},"components":[
				  {"type":"header","parameters":[%s]},
				  {"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}
				""".formatted(format.toLowerCase(java.util.Locale.ROOT), headerParameter);
	}

	/** A template with one button of {@code type} (and a body without variables). */
	static String buttonTemplate(String button) {
		return """
				{"name":"with_button","language":"en","status":"APPROVED","components":[
				  {"type":"BODY","text":"Tap below."},
				  {"type":"BUTTONS","buttons":[%s]}]}
				""".formatted(button);
	}

	static String buttonSend(String... components) {
		return """
				{"name":"with_button","language":{"code":"en"},"components":[%s]}
				""".formatted(String.join(",", components));
	}

	/** POSITIONAL: text header, body {{1}}..{{4}}, footer, two quick replies. */
	public static MessageTemplate bookingReminder() {
		return template(
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
		return template("""
				{"id": "1214624639427985", "name": "booking_confirmed", "language": "en_US", "status": "APPROVED",
				 "category": "UTILITY", "parameter_format": "NAMED",
				 "components": [
				  {"type": "BODY", "text": "Hi {{first_name}}, booking {{booking_id}} is confirmed.",
				   "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Ann"},
				                                          {"param_name": "booking_id", "example": "B-1"}]}}]}""");
	}

	/** Image header, body {{1}} {{2}}, footer, a URL button with a dynamic suffix. */
	public static MessageTemplate tourTicket() {
		return template(
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

	/** An APPROVED positional template with a one-variable body ({@code Hello {{1}}}). */
	public static MessageTemplate approved(String name, String language) {
		return simple(name, language, "APPROVED");
	}

	/** A positional template with a one-variable body in the given status. */
	public static MessageTemplate simple(String name, String language, String status) {
		return new MessageTemplate("id-" + name, name, language, status, "UTILITY", "POSITIONAL",
				List.of(new MessageTemplate.Component("BODY", null, "Hello {{1}}",
						Json.mapper().readTree("{\"body_text\":[[\"Ana\"]]}"), null)),
				new MessageTemplate.QualityScore("GREEN", null), null, null);
	}

	public static MessageTemplate withStatus(MessageTemplate template, String status) {
		return withStatus(template, status, template.rejectedReason());
	}

	public static MessageTemplate template(String json) {
		return Json.mapper().readValue(json, MessageTemplate.class);
	}

	static MetaMessage.Template send(String json) {
		return Json.mapper().readValue(json, MetaMessage.Template.class);
	}

	static String with(String json, String from, String to) {
		if (!json.contains(from)) {
			throw new IllegalArgumentException("No '" + from + "' in fixture");
		}
		return json.replace(from, to);
	}

}
