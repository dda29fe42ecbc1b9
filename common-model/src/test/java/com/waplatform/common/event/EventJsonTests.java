package com.waplatform.common.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.account.QuietHours;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.account.SendingState;
import com.waplatform.common.conversation.BusinessHours;
import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.inbound.InboundContext;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.inbound.UserPreference;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.common.webhook.WebhookReceived;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The JSON contract of every event: what a producer writes, a consumer reads back. */
class EventJsonTests {

	private static final Instant AT = Instant.parse("2026-05-01T10:15:30.123Z");

	private static final UUID ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

	static Stream<Object> events() {
		return Stream.concat(sendRequests(), Stream.of(
				new StatusEvent(ID, AT, "org-1", "msg-1", MessageStatus.FAILED, AT.minusSeconds(5), "pn-1",
						"+351912345678", "wamid.X",
						ErrorInfo.of(131047, "Re-engagement message", "More than 24 hours have passed")),
				new StatusEvent(ID, AT, "org-1", "msg-1", MessageStatus.EXPIRED, AT, null, null, null,
						ErrorInfo.reason("ttl expired", null)),
				new StatusEvent(ID, AT, "org-1", "msg-1", MessageStatus.DELIVERED, AT, "pn-1", "+351912345678",
						"wamid.X", null),
				new TemplateSnapshot(ID, AT, "org-1", "waba-1", template(), "v-3f2a", "PAUSED: low quality"),
				new TemplateUpdated(ID, AT, "org-1", "waba-1", "1145489599421404", "booking_confirmation", "en",
						TemplateUpdated.STATUS_FIELD, "PAUSED", "LOW_QUALITY", null, null,
						json("{\"event\":\"PAUSED\",\"message_template_id\":1145489599421404}")),
				new WebhookReceived(ID, AT, "org-1", "waba-1", "{\"object\":\"whatsapp_business_account\"}"),
				new InboundMessage(ID, AT, "org-1", "pn-1", "+351912345678", "Ana", "wamid.IN", "button", AT, "Confirm",
						"CONFIRM_B-1042", "wamid.OUT", null,
						new InboundContent.Reply("button", "CONFIRM_B-1042", "Confirm", null, null),
						new InboundContext("wamid.OUT", "15550783881", false, false, null, null)),
				new InboundMessage(ID, AT, "org-1", "pn-1", null, null, "wamid.IN2", "image", AT, "Our group", null,
						null, "US.13491208655302741918",
						new InboundContent.Media("image", "1479537139650973", "image/jpeg", "HgR...", "Our group", null,
								false, false, null),
						new InboundContext(null, null, true, false, null,
								new InboundContext.Referral("https://fb.me/x", "120", "ad", "Lisbon tours", "Book now",
										"image", "https://x.example/i.jpg", null, null, "ARAkLkA"))),
				new InboundMessage(ID, AT, "org-1", "pn-1", "+351912345678", null, "wamid.IN3", "contacts", AT, null,
						null, null, null,
						new InboundContent.Contacts(List.of(new InboundContent.ContactCard("John Smith",
								List.of(new InboundContent.ContactPhone("+1 555-0100", "15550100", "HOME")),
								List.of("john@example.com"), "Acme"))),
						InboundContext.NONE),
				new InboundMessage(ID, AT, "org-1", "pn-1", "+351912345678", null, "wamid.IN4", "order", AT, null, null,
						null, null,
						new InboundContent.Order("cat-1", "Two please",
								List.of(new InboundContent.OrderItem("sku-1", 2, "12.50", "EUR"))),
						InboundContext.NONE),
				new InboundMessage(ID, AT, "org-1", "pn-1", "+351912345678", null, "wamid.IN5", "unsupported", AT, null,
						null, null, null,
						new InboundContent.Unsupported("unsupported",
								List.of(ErrorInfo.of(131051, "Message type unknown",
										"Message type is not currently supported"))),
						InboundContext.NONE),
				new InboundMessage(ID, AT, "org-1", "pn-1", "+351912345678", null, "wamid.IN6", "edit", AT, null, null,
						null, null, new InboundContent.Edit("wamid.IN", new InboundContent.Text("fixed")),
						InboundContext.NONE),
				new UserPreference(ID, AT, "org-1", "pn-1", "+16505551234", null, UserPreference.MARKETING, "stop",
						"User requested to stop marketing messages", AT),
				new SuppressionChanged(ID, AT, "org-1", "+351912345678", true, SuppressionChanged.KEYWORD, "STOP"),
				new NumberHealth(ID, AT, "org-1", "waba-1", "15550783881", NumberHealth.QUALITY, "FLAGGED", null),
				new SendingState(ID, AT, "org-1", "pn-1", 40.0, 80.0, "auth error 190", 12, 3),
				new PhoneNumberConfigured(ID, AT, "org-1", "pn-1", "waba-1", "+1 555-010-0200", "c2VhbGVk", 80, true),
				new OrganizationSettings(ID, AT, "org-1", true, false,
						new QuietHours(java.time.LocalTime.of(21, 0), java.time.LocalTime.of(8, 0)), "Europe/Madrid",
						java.util.Map.of("en", "en_US"), null),
				new OrganizationSettings(ID, AT, "org-1", true, true, null, null, java.util.Map.of(),
						new ConversationSettings(java.util.Map.of("en", List.of("STOP")), java.util.Map.of(),
								new ConversationSettings.TemplateChoice("reopen_chat", "en", List.of()),
								List.of(new ConversationSettings.AutoReplyRule("PRICES", "Our prices: ...", null)),
								new ConversationSettings.OutOfHoursReply(
										new BusinessHours(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY,
												java.time.DayOfWeek.FRIDAY), java.time.LocalTime.of(9, 0),
												java.time.LocalTime.of(18, 0)),
										"We are closed; we answer from 9:00.", null))),
				new BusinessEvent(ID, AT, "org-1", BusinessEvent.BOOKING_CONFIRMED, "/bookings", "B-1042", json(
						"{\"bookingId\":\"B-1042\",\"amount\":{\"value\":\"120.00\",\"currency\":\"EUR\"},\"guests\":2}"))));
	}

	/** A send request for every kind of Meta message we send. */
	static Stream<Object> sendRequests() {
		String to = "+351912345678";
		MetaMessage.Template template = new MetaMessage.Template(
				"booking_actions", MetaMessage.Language.of("en"), List.of(
						new Component("header", null, null,
								List.of(Parameter
									.image(new MetaMessage.Media(null, "https://x.example/a.jpg", null, null)))),
						new Component("body", null, null,
								List.of(Parameter.text("Ana"),
										Parameter.currency(new MetaMessage.Currency("€120.00", "EUR", 120000)),
										Parameter.dateTime("June 1, 2026"))),
						new Component("button", "quick_reply", "0", List.of(Parameter.payload("CONFIRM"))),
						new Component("button", "url", "1", List.of(Parameter.text("BK-1042"))),
						new Component("button", "copy_code", "2", List.of(Parameter.couponCode("SUMMER25")))));
		List<MetaMessage> messages = List.of(MetaMessage.text(to, "Hello"), MetaMessage.template(to, template),
				MetaMessage.template(to, new MetaMessage.Template("follow_up", MetaMessage.Language.of("en"),
						List.of(new Component("body", null, null, List.of(Parameter.namedText("name", "Ana")))))),
				media(to, "image", new MetaMessage.Media("123", null, "caption", null)),
				media(to, "document", new MetaMessage.Media(null, "https://x.example/i.pdf", "Itinerary", "i.pdf")),
				media(to, "audio", new MetaMessage.Media("456", null, null, null)),
				media(to, "video", new MetaMessage.Media(null, "https://x.example/v.mp4", null, null)),
				media(to, "sticker", new MetaMessage.Media("789", null, null, null)),
				interactive(to,
						new MetaMessage.Interactive("button", null, new MetaMessage.Body("Confirm?"), null,
								new MetaMessage.Action(null,
										List.of(new MetaMessage.Button("reply", new MetaMessage.Reply("yes", "Yes"))),
										null, null, null))),
				interactive(to,
						new MetaMessage.Interactive("list",
								new MetaMessage.InteractiveHeader("text", "Tours", null, null, null),
								new MetaMessage.Body("Pick one"), new MetaMessage.Body("footer"),
								new MetaMessage.Action("Menu", null,
										List.of(new MetaMessage.Section("Lisbon",
												List.of(new MetaMessage.Row("r1", "Old Town", "2h")))),
										null, null))),
				interactive(to,
						new MetaMessage.Interactive("cta_url", null, new MetaMessage.Body("Manage"), null,
								new MetaMessage.Action(null, null, null, "cta_url",
										json("{\"display_text\":\"Open\",\"url\":\"https://x.example\"}")))),
				new MetaMessage(MetaMessage.WHATSAPP, "individual", to, "reaction", null, null, null, null, null, null,
						null, null, null, new MetaMessage.Reaction("wamid.X", "👍"), null, null, null, null, null,
						null),
				new MetaMessage(MetaMessage.WHATSAPP, "individual", to, "text",
						new MetaMessage.ReplyContext("wamid.PREV"), new MetaMessage.Text("re", true), null, null, null,
						null, null, null, null, null, "msg-1", null, null, null, null, null),
				new MetaMessage(MetaMessage.WHATSAPP, "individual", to, "location", null, null, null, null, null, null,
						null, null, null, null, null, null, null, null,
						new MetaMessage.Location("38.7139", "-9.1334", "Praça do Comércio", "Lisboa"), null),
				new MetaMessage(MetaMessage.WHATSAPP, "individual", to, "contacts", null, null, null, null, null, null,
						null, null, null, null, null, null, null, null, null,
						List.of(json("{\"name\":{\"formatted_name\":\"Tour desk\",\"first_name\":\"Tour\"},"
								+ "\"phones\":[{\"phone\":\"+351210000000\",\"type\":\"WORK\"}]}"))),
				MetaMessage.markRead("wamid.IN", new MetaMessage.TypingIndicator("text")));
		return messages.stream()
			.map((message) -> new SendRequest(ID, AT, "org-1", "msg-1", "pn-1", to, message,
					new SendRequest.BusinessContext("booking", "B-1042"), Priority.TRANSACTIONAL, AT.plusSeconds(3600),
					AT.plusSeconds(60), "api"));
	}

	@ParameterizedTest
	@MethodSource("events")
	void writesAndReadsBackEqual(Object event) {
		String json = Json.mapper().writeValueAsString(event);
		Object read = Json.mapper().readValue(json, event.getClass());
		assertThat(read).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void ignoresUnknownFields(Object event) {
		ObjectNode tree = (ObjectNode) Json.mapper().valueToTree(event);
		tree.put("addedInSchemaVersion2", "ignored");
		tree.putObject("nested").put("a", 1);
		Object read = Json.mapper().treeToValue(tree, event.getClass());
		assertThat(read).isEqualTo(event);
	}

	@Test
	void writesNoNullsAndIsoInstants() {
		StatusEvent event = new StatusEvent(ID, AT, "org-1", "msg-1", MessageStatus.QUEUED, AT, null, null, null, null);
		JsonNode tree = Json.mapper().valueToTree(event);
		assertThat(tree.has("wamid")).isFalse();
		assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-05-01T10:15:30.123Z");
		assertThat(tree.get("status").asString()).isEqualTo("QUEUED");
	}

	@Test
	void everyEventRecordOfEveryTopicHasAUniqueTypeNameThatMapsBack() {
		List<Class<?>> records = new ArrayList<>();
		for (Topic<?> topic : Topics.ALL) {
			records.addAll(records(topic.valueType()));
		}
		// business events carry the producer's CloudEvents type (booking.confirmed, ...)
		assertThat(records).contains(BusinessEvent.class);
		records.remove(BusinessEvent.class);
		// a send request also announces a held message (wa.scheduled-messages)
		assertThat(records.stream().distinct().toList()).hasSize(12);
		Set<String> names = new HashSet<>();
		for (Class<?> type : records.stream().distinct().toList()) {
			String name = EventTypes.typeOf(type);
			assertThat(names.add(name)).as("unique name %s of %s", name, type).isTrue();
			assertThat(EventTypes.classOf(name)).contains(type);
		}
	}

	/** A new event record fails here until {@link #events()} has a sample of it. */
	@Test
	void theRoundTripCoversEveryEventRecordOfEveryTopic() {
		List<Class<?>> records = new ArrayList<>();
		for (Topic<?> topic : Topics.ALL) {
			records.addAll(records(topic.valueType()));
		}
		assertThat(events().map(Object::getClass).distinct())
			.containsExactlyInAnyOrderElementsOf(records.stream().distinct().toList());
	}

	@Test
	void businessEventsAreNamedByTheirCloudEventType() {
		BusinessEvent event = new BusinessEvent(ID, AT, "org-1", "payment.due", "/payments", "P-1", json("{}"));
		assertThat(event.eventType()).isEqualTo("payment.due");
		assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.typeOf(BusinessEvent.class));
		assertThat(EventTypes.classOf("payment.due")).isEmpty();
	}

	@Test
	void eventsNameThemselvesThroughTheRegistry() {
		assertThat(events().map((event) -> ((Event) event).eventType()).distinct()).containsExactlyInAnyOrder(
				"message.send-requested", "message.status", "template.snapshot", "template.updated",
				"meta.webhook-received", "message.inbound", "account.phone-number-configured",
				"account.organization-settings", "customer.user-preference", "customer.suppression-changed",
				"account.number-health", "account.sending-state", BusinessEvent.BOOKING_CONFIRMED);
	}

	private static List<Class<?>> records(Class<?> type) {
		if (type.isRecord()) {
			return List.of(type);
		}
		assertThat(type.isSealed()).as("%s is a record or a sealed family", type).isTrue();
		List<Class<?>> records = new ArrayList<>();
		for (Class<?> permitted : type.getPermittedSubclasses()) {
			records.addAll(records(permitted));
		}
		return records;
	}

	private static MessageTemplate template() {
		return new MessageTemplate("1145489599421404", "booking_confirmation", "en", "APPROVED", "UTILITY",
				"POSITIONAL",
				List.of(new MessageTemplate.Component("BODY", null, "Hi {{1}}", json("{\"body_text\":[[\"Ana\"]]}"),
						null),
						new MessageTemplate.Component("BUTTONS", null, null, null,
								List.of(new MessageTemplate.Button("URL", "Manage", "https://x.example/{{1}}", null,
										json("[\"https://x.example/BK-1\"]"))))),
				new MessageTemplate.QualityScore("GREEN", 1714557330L), null, null);
	}

	private static MetaMessage media(String to, String type, MetaMessage.Media media) {
		return new MetaMessage(MetaMessage.WHATSAPP, "individual", to, type, null, null, null,
				"image".equals(type) ? media : null, "document".equals(type) ? media : null,
				"audio".equals(type) ? media : null, "video".equals(type) ? media : null,
				"sticker".equals(type) ? media : null, null, null, null, null, null, null, null, null);
	}

	private static MetaMessage interactive(String to, MetaMessage.Interactive interactive) {
		return new MetaMessage(MetaMessage.WHATSAPP, "individual", to, "interactive", null, null, null, null, null,
				null, null, null, interactive, null, null, null, null, null, null, null);
	}

	static JsonNode json(String json) {
		return Json.mapper().readTree(json);
	}

}
