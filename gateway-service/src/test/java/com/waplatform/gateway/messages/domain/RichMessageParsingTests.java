package com.waplatform.gateway.messages.domain;

import java.time.Duration;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MetaMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Location, contacts, cta_url and media-by-id sends: read into Meta's message object
 * unchanged, and refused field by field where Meta would refuse them.
 */
class RichMessageParsingTests {

	private final MessageRequestParser parser = new MessageRequestParser(Duration.ofDays(30));

	@Test
	void locationIsSentWithDecimalDegreeStrings() {
		MessageRequest request = parsed("""
				{"to": "+14155550123", "type": "location",
				 "location": {"latitude": 37.4847, "longitude": "-122.1484", "name": "Meeting point",
				              "address": "1 Hacker Way, Menlo Park"}}""");
		assertThat(request.type()).isEqualTo("location");
		assertThat(request.message().location())
			.isEqualTo(new MetaMessage.Location("37.4847", "-122.1484", "Meeting point", "1 Hacker Way, Menlo Park"));
		assertThat(request.message().text()).isNull();
		assertThat(Json.mapper().writeValueAsString(request.message())).contains("\"type\":\"location\"",
				"\"location\":{\"latitude\":\"37.4847\",\"longitude\":\"-122.1484\",\"name\":\"Meeting point\"");
	}

	@Test
	void locationCoordinatesAreCheckedLikeMetaChecksThem() {
		assertThat(invalidFields("""
				{"to": "+14155550123", "type": "location", "location": {"latitude": 90.5, "longitude": -180.01}}"""))
			.containsExactly("location.latitude", "location.longitude");
		assertThat(invalidFields("""
				{"to": "+14155550123", "type": "location", "location": {"latitude": "north", "name": "x"}}"""))
			.containsExactly("location.latitude", "location.longitude");
		assertThat(parsed("""
				{"to": "+14155550123", "type": "location", "location": {"latitude": -90, "longitude": 180}}""")
			.message()
			.location()).isEqualTo(new MetaMessage.Location("-90", "180", null, null));
		ParseResult.Rejected wrongType = rejected("""
				{"to": "+14155550123", "type": "location", "location": {"latitude": true, "longitude": 1}}""");
		assertThat(wrongType.malformed()).isTrue();
		assertThat(wrongType.errors()).extracting(FieldError::field).containsExactly("location.latitude");
		assertThat(rejected("""
				{"to": "+14155550123", "type": "location", "location": [1, 2]}""").malformed()).isTrue();
	}

	@Test
	void contactsAreKeptAsMetasObjects() {
		MessageRequest request = parsed("""
				{"to": "+14155550123", "type": "contacts", "contacts": [{
				  "name": {"formatted_name": "Ann Guide", "first_name": "Ann"},
				  "phones": [{"phone": "+1 415 555 0199", "type": "WORK", "wa_id": "14155550199"}],
				  "emails": [{"email": "ann@example.com", "type": "WORK"}], "birthday": "1990-02-28",
				  "org": {"company": "Acme Tours"}}]}""");
		assertThat(request.type()).isEqualTo("contacts");
		assertThat(request.message().contacts()).singleElement().satisfies((contact) -> {
			assertThat(contact.path("name").path("formatted_name").asString()).isEqualTo("Ann Guide");
			assertThat(contact.path("phones").get(0).path("wa_id").asString()).isEqualTo("14155550199");
			assertThat(contact.path("org").path("company").asString()).isEqualTo("Acme Tours");
		});
		assertThat(Json.mapper().writeValueAsString(request.message()))
			.contains("\"contacts\":[{\"name\":{\"formatted_name\":\"Ann Guide\"");
	}

	@Test
	void contactsNeedAFormattedNameAndMetasShapes() {
		assertThat(invalidFields(
				"""
						{"to": "+14155550123", "type": "contacts",
						 "contacts": [{"name": {"first_name": "Ann"}}, {"phones": [{"phone": "1"}]}, {"name": {"formatted_name": " "}},
						              {"name": {"formatted_name": "Bo"}, "birthday": "28/02/1990"}]}"""))
			.containsExactly("contacts[0].name.formatted_name", "contacts[1].name", "contacts[2].name.formatted_name",
					"contacts[3].birthday");
		assertThat(invalidFields("""
				{"to": "+14155550123", "type": "contacts", "contacts": []}""")).containsExactly("contacts");
		ParseResult.Rejected notAnArray = rejected("""
				{"to": "+14155550123", "type": "contacts", "contacts": {"name": {"formatted_name": "Ann"}}}""");
		assertThat(notAnArray.malformed()).isTrue();
		assertThat(notAnArray.errors()).extracting(FieldError::field).containsExactly("contacts");
		ParseResult.Rejected phones = rejected("""
				{"to": "+14155550123", "type": "contacts",
				 "contacts": [{"name": {"formatted_name": "Ann"}, "phones": ["+14155550199"]}]}""");
		assertThat(phones.malformed()).isTrue();
		assertThat(phones.errors()).extracting(FieldError::field).containsExactly("contacts[0].phones[0]");
	}

	@Test
	void ctaUrlIsSentWithItsActionParameters() {
		MessageRequest request = parsed("""
				{"to": "+14155550123", "type": "interactive", "interactive": {"type": "cta_url",
				 "header": {"type": "text", "text": "Your tour"}, "body": {"text": "See your booking online"},
				 "footer": {"text": "Acme Tours"},
				 "action": {"name": "cta_url", "parameters": {"display_text": "Open booking",
				                                             "url": "https://acme.example/b/B-1"}}}}""");
		MetaMessage.Interactive interactive = request.message().interactive();
		assertThat(interactive.type()).isEqualTo("cta_url");
		assertThat(interactive.header().text()).isEqualTo("Your tour");
		assertThat(interactive.footer().text()).isEqualTo("Acme Tours");
		assertThat(interactive.action().name()).isEqualTo("cta_url");
		assertThat(interactive.action().parameters().path("url").asString()).isEqualTo("https://acme.example/b/B-1");
		assertThat(interactive.action().parameters().path("display_text").asString()).isEqualTo("Open booking");
	}

	@Test
	void ctaUrlIsCheckedLikeMetaChecksIt() {
		assertThat(invalidFields(
				"""
						{"to": "+14155550123", "type": "interactive", "interactive": {"type": "cta_url",
						 "body": {"text": "%s"}, "footer": {"text": "%s"},
						 "action": {"name": "url", "parameters": {"display_text": "Open my booking right now", "url": "ftp://x"}}}}"""
					.formatted("b".repeat(1025), "f".repeat(61))))
			.containsExactly("interactive.body.text", "interactive.footer.text", "interactive.action.name",
					"interactive.action.parameters.display_text", "interactive.action.parameters.url");
		assertThat(invalidFields("""
				{"to": "+14155550123", "type": "interactive", "interactive": {"type": "cta_url",
				 "action": {"name": "cta_url"}}}""")).containsExactly("interactive.body.text",
				"interactive.action.parameters");
		assertThat(invalidFields("""
				{"to": "+14155550123", "type": "interactive", "interactive": {"type": "cta_url", "body": {"text": "Hi"},
				 "action": {"name": "cta_url", "parameters": {"url": "/relative/path"}}}}"""))
			.containsExactly("interactive.action.parameters.display_text", "interactive.action.parameters.url");
		ParseResult.Rejected wrongType = rejected("""
				{"to": "+14155550123", "type": "interactive", "interactive": {"type": "cta_url", "body": {"text": "Hi"},
				 "action": {"name": "cta_url", "parameters": {"display_text": 5, "url": "https://x.example"}}}}""");
		assertThat(wrongType.malformed()).isTrue();
		assertThat(wrongType.errors()).extracting(FieldError::field)
			.containsExactly("interactive.action.parameters.display_text");
	}

	@Test
	void mediaByUploadedIdIsSentWithTheId() {
		MessageRequest request = parsed(
				"""
						{"to": "+14155550123", "type": "image", "image": {"id": "1037543291543636", "caption": "Your ticket"}}""");
		assertThat(request.message().image())
			.isEqualTo(new MetaMessage.Media("1037543291543636", null, "Your ticket", null));
		assertThat(invalidFields("""
				{"to": "+14155550123", "type": "document", "document": {"filename": "x.pdf"}}"""))
			.containsExactly("document");
	}

	private MessageRequest parsed(String json) {
		ParseResult result = this.parser.parse(Json.mapper().readTree(json));
		assertThat(result).as(result.toString()).isInstanceOf(ParseResult.Parsed.class);
		return ((ParseResult.Parsed) result).request();
	}

	private ParseResult.Rejected rejected(String json) {
		ParseResult result = this.parser.parse(Json.mapper().readTree(json));
		assertThat(result).isInstanceOf(ParseResult.Rejected.class);
		return (ParseResult.Rejected) result;
	}

	/** The fields of a 422 (invalid values, none of the wrong JSON type). */
	private java.util.List<String> invalidFields(String json) {
		ParseResult.Rejected rejected = rejected(json);
		assertThat(rejected.malformed()).as(rejected.toString()).isFalse();
		return rejected.errors().stream().map(FieldError::field).toList();
	}

}
