package com.waplatform.gateway.messages.domain;

import java.time.Duration;

import com.waplatform.common.json.Json;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest.BusinessContext;
import com.waplatform.common.meta.MetaMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRequestParserTests {

	private final MessageRequestParser parser = new MessageRequestParser(Duration.ofDays(30));

	@Test
	void textMessageIsAddressedToTheNormalizedRecipient() {
		MessageRequest request = parsed("""
				{"to": "+44 7911 123456", "type": "text", "text": {"body": "Hello"},
				 "context": {"type": "booking", "id": "B-1"}, "ttl": "PT2H", "priority": "bulk"}""");
		assertThat(request.recipient()).isEqualTo("+447911123456");
		assertThat(request.message().to()).isEqualTo("+447911123456");
		assertThat(request.message().messagingProduct()).isEqualTo("whatsapp");
		assertThat(request.message().text().body()).isEqualTo("Hello");
		assertThat(request.context()).isEqualTo(new BusinessContext("booking", "B-1"));
		assertThat(request.message().context()).isNull();
		assertThat(request.ttl()).isEqualTo(Duration.ofHours(2));
		assertThat(request.priority()).isEqualTo(Priority.BULK);
		assertThat(request.from()).isNull();
		assertThat(request.type()).isEqualTo("text");
	}

	@Test
	void contextWithMessageIdIsMetasReplyContext() {
		MessageRequest request = parsed("""
				{"to": "14155550123", "type": "text", "text": {"body": "Hi"}, "context": {"message_id": "wamid.X"},
				 "ttl": 600, "from": "106540352242922"}""");
		assertThat(request.message().context()).isEqualTo(new MetaMessage.ReplyContext("wamid.X"));
		assertThat(request.context()).isNull();
		assertThat(request.ttl()).isEqualTo(Duration.ofMinutes(10));
		assertThat(request.from()).isEqualTo("106540352242922");
		assertThat(request.priority()).isEqualTo(Priority.TRANSACTIONAL);
	}

	@Test
	void templateWithComponentsKeepsThemAsGiven() {
		MessageRequest request = parsed(
				"""
						{"to": "+14155550123", "type": "template", "template": {"name": "booking_confirmed",
						 "language": {"code": "en_US"}, "components": [{"type": "body", "parameters": [{"type": "text", "text": "Ann"}]}]}}""");
		assertThat(request.templateName()).isEqualTo("booking_confirmed");
		assertThat(request.message().template().language().code()).isEqualTo("en_US");
		assertThat(request.templateArguments().hasParameters()).isFalse();
		assertThat(request.templateArguments().components()).singleElement()
			.satisfies((component) -> assertThat(component.parameters())
				.containsExactly(MetaMessage.Parameter.text("Ann")));
	}

	@Test
	void templateParametersAreKeptForExpansionAgainstTheTemplate() {
		MessageRequest request = parsed("""
				{"to": "+14155550123", "type": "template",
				 "template": {"name": "reminder", "language": "en", "parameters": ["Ann", 10, true],
				  "components": [{"type": "button", "sub_type": "url", "index": "0",
				                  "parameters": [{"type": "text", "text": "B-1"}]}]}}""");
		assertThat(request.message().template().language().code()).isEqualTo("en");
		assertThat(request.templateArguments().positional()).containsExactly("Ann", "10", "true");
		assertThat(request.templateArguments().components()).extracting(MetaMessage.Component::type)
			.containsExactly("button");
	}

	@Test
	void aBodyComponentBesideParametersIsRefused() {
		assertThat(rejected("""
				{"to": "+14155550123", "type": "template",
				 "template": {"name": "reminder", "language": "en", "parameters": ["Ann"],
				  "components": [{"type": "body", "parameters": [{"type": "text", "text": "Ann"}]}]}}""").errors())
			.extracting(FieldError::field)
			.containsExactly("template.parameters");
	}

	@Test
	void mediaNeedsAnIdOrALink() {
		assertThat(
				parsed("""
						{"to": "+14155550123", "type": "image", "image": {"link": "https://example.com/a.png", "caption": "A"}}""")
					.message()
					.image())
			.isEqualTo(new MetaMessage.Media(null, "https://example.com/a.png", "A", null));
		assertThat(rejected("""
				{"to": "+14155550123", "type": "document", "document": {"caption": "no file"}}"""))
			.isEqualTo(new ParseResult.Rejected(false,
					java.util.List.of(new FieldError("document", "needs an uploaded media id or a link"))));
	}

	@Test
	void markAsReadNeedsTheMessageId() {
		MessageRequest request = parsed(
				"""
						{"to": "+14155550123", "status": "read", "message_id": "wamid.Y", "typing_indicator": {"type": "text"}}""");
		assertThat(request.type()).isEqualTo(MessageRequest.MARK_AS_READ);
		assertThat(request.message().isMarkRead()).isTrue();
		assertThat(request.message().messageId()).isEqualTo("wamid.Y");
	}

	@Test
	void wrongJsonTypesAreMalformed() {
		ParseResult.Rejected toObject = rejected("""
				{"to": {}, "type": "text", "text": {"body": "x"}}""");
		assertThat(toObject.malformed()).isTrue();
		assertThat(toObject.errors()).containsExactly(new FieldError("to", "must be a string"));
		ParseResult.Rejected textNumber = rejected("""
				{"to": "+14155550123", "type": "text", "text": 5}""");
		assertThat(textNumber.malformed()).isTrue();
		assertThat(textNumber.errors()).containsExactly(new FieldError("text", "must be a JSON object"));
		ParseResult.Rejected bodyObject = rejected("""
				{"to": "+14155550123", "type": "text", "text": {"body": {"a": 1}}}""");
		assertThat(bodyObject.malformed()).isTrue();
		assertThat(bodyObject.errors()).extracting(FieldError::field).containsExactly("text.body");
		assertThat(rejected("[1, 2]").malformed()).isTrue();
	}

	@Test
	void invalidValuesAreReportedTogetherWithTheirFields() {
		ParseResult.Rejected rejected = rejected("""
				{"to": "+1 555", "type": "text", "text": {"body": ""}, "priority": "urgent", "ttl": "soon",
				 "context": {"type": "booking"}}""");
		assertThat(rejected.malformed()).isFalse();
		assertThat(rejected.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("to", "text.body", "priority", "ttl", "context.id");
	}

	@Test
	void invalidRecipientNamesTheReason() {
		assertThat(rejected("""
				{"to": "+999 123", "type": "text", "text": {"body": "x"}}""").errors()).singleElement()
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("to");
				assertThat(error.message()).contains("country code");
			});
	}

	@Test
	void typeMustBeKnownAndItsObjectPresent() {
		assertThat(rejected("""
				{"to": "+14155550123", "type": "carousel"}""").errors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("unsupported type 'carousel'"));
		assertThat(rejected("""
				{"to": "+14155550123", "type": "location"}""").errors())
			.containsExactly(new FieldError("location", "is required when type is location"));
		assertThat(rejected("""
				{"to": "+14155550123", "type": "template"}""").errors())
			.containsExactly(new FieldError("template", "is required when type is template"));
		assertThat(rejected("""
				{"to": "+14155550123"}""").errors()).extracting(FieldError::field).containsExactly("type");
	}

	@Test
	void textBodyIsLimitedTo4096Characters() {
		String body = "é".repeat(4096);
		assertThat(parsed("{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"" + body + "\"}}")
			.message()
			.text()
			.body()).hasSize(4096);
		assertThat(rejected("{\"to\": \"+14155550123\", \"type\": \"text\", \"text\": {\"body\": \"" + body + "x\"}}")
			.errors()).containsExactly(new FieldError("text.body", "must be at most 4096 characters"));
	}

	@Test
	void templateNeedsNameAndLanguage() {
		assertThat(rejected("""
				{"to": "+14155550123", "type": "template", "template": {"language": {"code": ""}}}""").errors())
			.extracting(FieldError::field)
			.containsExactlyInAnyOrder("template.name", "template.language.code");
	}

	@Test
	void ttlMustBePositiveAndBounded() {
		assertThat(rejected("""
				{"to": "+14155550123", "type": "text", "text": {"body": "x"}, "ttl": "P90D"}""").errors())
			.extracting(FieldError::field)
			.containsExactly("ttl");
		assertThat(rejected("""
				{"to": "+14155550123", "type": "text", "text": {"body": "x"}, "ttl": 0}""").errors())
			.extracting(FieldError::field)
			.containsExactly("ttl");
	}

	@Test
	void interactiveTypeErrorsNameTheNestedField() {
		ParseResult.Rejected rejected = rejected(
				"""
						{"to": "+14155550123", "type": "interactive", "interactive": {"type": "button", "body": {"text": "Pick"},
						 "action": {"buttons": {"not": "a list"}}}}""");
		assertThat(rejected.malformed()).isTrue();
		assertThat(rejected.errors()).extracting(FieldError::field).containsExactly("interactive.action.buttons");
	}

	private MessageRequest parsed(String json) {
		ParseResult result = this.parser.parse(Json.mapper().readTree(json));
		assertThat(result).isInstanceOf(ParseResult.Parsed.class);
		return ((ParseResult.Parsed) result).request();
	}

	private ParseResult.Rejected rejected(String json) {
		ParseResult result = this.parser.parse(Json.mapper().readTree(json));
		assertThat(result).isInstanceOf(ParseResult.Rejected.class);
		return (ParseResult.Rejected) result;
	}

}
