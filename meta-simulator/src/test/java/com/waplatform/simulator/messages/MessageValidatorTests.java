package com.waplatform.simulator.messages;

import java.util.Optional;

import com.waplatform.simulator.graph.GraphException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageValidatorTests {

	private final MessageValidator validator = new MessageValidator((name, language) -> Optional.empty(),
			"+16505550000"::equals);

	@Test
	void acceptsTextAndNormalizesTheRecipient() {
		AcceptedMessage accepted = this.validator.validate(SendRequests.text("+1 650-555-1234", "Hi"));
		assertThat(accepted.type()).isEqualTo("text");
		assertThat(accepted.to()).isEqualTo("+1 650-555-1234");
		assertThat(accepted.waId()).isEqualTo("16505551234");
		assertThat(accepted.renderedText()).isEqualTo("Hi");
		assertThat(accepted.isTemplate()).isFalse();
	}

	@Test
	void typeDefaultsToText() {
		assertThat(this.validator.validate(SendRequests.json("""
				{"messaging_product":"whatsapp","to":"16505551234","text":{"body":"Hi"}}""")).type()).isEqualTo("text");
	}

	@Test
	void checksTheRecipient() {
		assertCode(131008, """
				{"messaging_product":"whatsapp","type":"text","text":{"body":"Hi"}}""");
		assertCode(131009, """
				{"messaging_product":"whatsapp","to":"+999123","type":"text","text":{"body":"Hi"}}""");
		assertCode(131026, """
				{"messaging_product":"whatsapp","to":"+16505550000","type":"text","text":{"body":"Hi"}}""");
		assertCode(131009, """
				{"messaging_product":"whatsapp","recipient_type":"group","to":"+16505551234","text":{"body":"Hi"}}""");
	}

	@Test
	void checksMedia() {
		assertThat(this.validator.validate(SendRequests.json("""
				{"messaging_product":"whatsapp","to":"16505551234","type":"video","video":{"id":"1","caption":"c"}}"""))
			.type()).isEqualTo("video");
		assertCode(131008, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"document"}""");
		assertCode(131009,
				"""
						{"messaging_product":"whatsapp","to":"16505551234","type":"audio","audio":{"id":"1","link":"https://a"}}""");
	}

	@Test
	void checksInteractiveLimits() {
		assertThat(this.validator.validate(SendRequests
			.json("""
					{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"button",
					 "body":{"text":"Pick"},"action":{"buttons":[{"type":"reply","reply":{"id":"a","title":"12345678901234567890"}},
					 {"type":"reply","reply":{"id":"b","title":"B"}},{"type":"reply","reply":{"id":"c","title":"C"}}]}}}"""))
			.type()).isEqualTo("interactive");
		assertCode(131009, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"button",
				 "body":{"text":"Pick"},"action":{"buttons":[{"type":"reply","reply":{"id":"a","title":"A"}},
				 {"type":"reply","reply":{"id":"a","title":"B"}}]}}}""");
		assertCode(131008, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"button",
				 "action":{"buttons":[{"type":"reply","reply":{"id":"a","title":"A"}}]}}}""");
		assertCode(131009,
				"""
						{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"list",
						 "body":{"text":"Pick"},"action":{"button":"Menu","sections":[
						 {"title":"A","rows":[{"id":"1","title":"1"},{"id":"2","title":"2"},{"id":"3","title":"3"},{"id":"4","title":"4"},
						  {"id":"5","title":"5"},{"id":"6","title":"6"}]},
						 {"title":"B","rows":[{"id":"7","title":"7"},{"id":"8","title":"8"},{"id":"9","title":"9"},{"id":"10","title":"10"},
						  {"id":"11","title":"11"}]}]}}}""");
		assertCode(131009,
				"""
						{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"carousel3d",
						 "action":{}}}""");
	}

	@Test
	void checksReactionsAndMarkRead() {
		assertThat(this.validator.validate(SendRequests
			.json("""
					{"messaging_product":"whatsapp","to":"16505551234","type":"reaction","reaction":{"message_id":"wamid.x","emoji":""}}"""))
			.type()).isEqualTo("reaction");
		assertCode(131008, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"reaction","reaction":{"emoji":"x"}}""");
		JsonNode markRead = SendRequests.json("""
				{"messaging_product":"whatsapp","status":"read"}""");
		assertThat(MessageValidator.isMarkRead(markRead)).isTrue();
		assertThatExceptionOfType(GraphException.class).isThrownBy(() -> MessageValidator.validateMarkRead(markRead))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(131008));
	}

	@Test
	void unknownTemplateIs132001() {
		assertThatExceptionOfType(GraphException.class)
			.isThrownBy(() -> this.validator.validate(SendRequests.template("16505551234", """
					{"name":"nope","language":{"code":"en"}}""")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(132001);
				assertThat(ex.httpStatus()).isEqualTo(404);
			});
	}

	@Test
	void checksLocationsContactsAndCallToActionUrls() {
		assertThat(this.validator.validate(SendRequests.json("""
				{"messaging_product":"whatsapp","to":"16505551234","type":"location",
				 "location":{"latitude":"38.7139","longitude":-9.1334,"name":"Praça do Comércio"}}""")).type())
			.isEqualTo("location");
		assertCode(131009, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"location",
				 "location":{"latitude":"91","longitude":"0"}}""");
		assertCode(131009, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"location",
				 "location":{"latitude":"0","longitude":"east"}}""");
		assertThat(this.validator.validate(SendRequests.json("""
				{"messaging_product":"whatsapp","to":"16505551234","type":"contacts",
				 "contacts":[{"name":{"formatted_name":"Tour desk"},"phones":[{"phone":"+351210000000"}]}]}""")).type())
			.isEqualTo("contacts");
		assertCode(131008, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"contacts",
				 "contacts":[{"name":{"first_name":"Tour"}}]}""");
		assertThat(this.validator.validate(SendRequests.json("""
				{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"cta_url",
				 "body":{"text":"Manage your booking"},
				 "action":{"name":"cta_url","parameters":{"display_text":"Open","url":"https://x.example/b"}}}}"""))
			.type()).isEqualTo("interactive");
		assertCode(131009,
				"""
						{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"cta_url",
						 "body":{"text":"Manage"},
						 "action":{"name":"cta_url","parameters":{"display_text":"123456789012345678901","url":"https://x.example"}}}}""");
		assertCode(131009, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"cta_url",
				 "body":{"text":"Manage"},
				 "action":{"name":"cta_url","parameters":{"display_text":"Open","url":"ftp://x.example"}}}}""");
		assertCode(131008, """
				{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"cta_url",
				 "action":{"name":"cta_url","parameters":{"display_text":"Open","url":"https://x.example"}}}}""");
	}

	private void assertCode(int code, String json) {
		assertThatExceptionOfType(GraphException.class)
			.isThrownBy(() -> this.validator.validate(SendRequests.json(json)))
			.satisfies((ex) -> assertThat(ex.code()).as(ex.details()).isEqualTo(code));
	}

}
