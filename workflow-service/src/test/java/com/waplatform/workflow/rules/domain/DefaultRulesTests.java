package com.waplatform.workflow.rules.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.waplatform.common.account.QuietHours;
import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.common.template.TemplateCatalog;
import com.waplatform.common.template.TemplateCheck;
import com.waplatform.common.template.TemplateDecision;
import com.waplatform.common.template.TemplateRenderer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import static com.waplatform.workflow.rules.domain.RuleFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tour operator's rules against the templates the simulator seeds into every account
 * (read from the simulator's own file, so the two cannot drift apart unnoticed).
 */
class DefaultRulesTests {

	private static final Path SEEDED_TEMPLATES = Path
		.of("../meta-simulator/src/main/resources/meta-simulator/seed-templates.json");

	private static final Instant EVENT_TIME = Instant.parse("2026-12-01T09:30:00Z");

	private static final RecipientDefaults DEFAULTS = new RecipientDefaults(
			new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), null);

	private static final String ANA = "\"customerName\": \"Ana Souza\", \"customerPhone\": \"+34 600 123 456\"";

	@Test
	void theTourOperatorsRulesReadWithoutProblems() {
		List<RuleDefinition> rules = DefaultRules.tourOperator();
		assertThat(rules).extracting(RuleDefinition::name)
			.containsExactly("booking-confirmation", "inquiry-received", "payment-reminder", "tour-details",
					"welcome-message", "inquiry-follow-up");
		assertThat(rules).allSatisfy((rule) -> assertThat(rule.problems()).isEmpty());
	}

	@Test
	void aConfirmedBookingIsConfirmedAtOnceAndDetailedTwoDaysBeforeTheTour() {
		TriggerEvent booking = event("booking.confirmed", "B-1042", EVENT_TIME, "{\"bookingId\": \"B-1042\", " + ANA
				+ ", \"packageName\": \"Lisbon Old Town Walk\", \"startDate\": \"2026-12-10\", \"reference\": \"LIS-77\"}");
		PlannedMessage confirmation = single("booking-confirmation", booking);
		assertThat(confirmation.dueAt()).isNull();
		assertThat(confirmation.contextType()).isEqualTo("booking");
		assertThat(render(confirmation)).isEqualTo(
				"Hi Ana Souza, your booking for Lisbon Old Town Walk starting December 10, 2026 is confirmed. Reference: LIS-77.");
		PlannedMessage details = single("tour-details", booking);
		assertThat(details.dueAt()).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
		assertThat(render(details)).isEqualTo(
				"Your tour Lisbon Old Town Walk starts at December 10, 2026. Meeting point: see your booking confirmation.");
	}

	@Test
	void anInquiryIsAcknowledgedAtOnceAndFollowedUpThreeDaysLater() {
		TriggerEvent inquiry = event("inquiry.received", "I-77", EVENT_TIME,
				"{\"inquiryId\": \"I-77\", " + ANA + ", \"destination\": \"Porto\"}");
		PlannedMessage acknowledgement = single("inquiry-received", inquiry);
		assertThat(acknowledgement.contextType()).isEqualTo("inquiry");
		assertThat(render(acknowledgement)).isEqualTo("Hi Ana Souza, thanks for your inquiry about Porto. One of our "
				+ "travel experts will get back to you shortly.");
		PlannedMessage followUp = single("inquiry-follow-up", inquiry);
		assertThat(followUp.dueAt()).isEqualTo(Instant.parse("2026-12-04T09:30:00Z"));
		assertThat(followUp.named()).containsExactly(Map.entry("name", "Ana Souza"));
		assertThat(render(followUp)).isEqualTo("Hi Ana Souza, how was your trip?");
		assertThat(Cancellation.keysFor(rule("inquiry-follow-up"),
				event("booking.confirmed", "{\"customerPhone\": \"+34600123456\"}")))
			.containsExactly(CancelKey.customer("+34600123456"));
		assertThat(Cancellation.keysForReply(rule("inquiry-follow-up"), "34600123456"))
			.containsExactly(CancelKey.customer("+34600123456"));
	}

	@Test
	void aPaymentDueIsRemindedThreeDaysAndOneDayBeforeUntilItIsReceived() {
		TriggerEvent payment = event("payment.due", "B-1042", EVENT_TIME, "{\"bookingId\": \"B-1042\", " + ANA
				+ ", \"amount\": 450, \"currency\": \"EUR\", \"reference\": \"LIS-77\", \"dueDate\": \"2026-12-10\"}");
		List<PlannedMessage> reminders = planned("payment-reminder", payment);
		assertThat(reminders).extracting(PlannedMessage::dueAt)
			.containsExactly(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-09T09:00:00Z"));
		assertThat(reminders).extracting(DefaultRulesTests::render)
			.containsOnly("Hi Ana Souza, a payment of €450.00 for booking LIS-77 is due. Please complete it to keep "
					+ "your reservation.");
		assertThat(Cancellation.keysFor(rule("payment-reminder"),
				event("payment.received", "B-1042", EVENT_TIME, "{\"bookingId\": \"B-1042\"}")))
			.containsExactly(CancelKey.subject("B-1042"));
	}

	@Test
	void aNewCustomerIsWelcomed() {
		TriggerEvent customer = event("customer.created", "C-9", EVENT_TIME, "{\"customerId\": \"C-9\", " + ANA + "}");
		PlannedMessage welcome = single("welcome-message", customer);
		assertThat(welcome.contextType()).isEqualTo("customer");
		assertThat(welcome.contextId()).isEqualTo("C-9");
		assertThat(render(welcome)).isEqualTo("Welcome Ana Souza! Reply to this message any time to talk to us.");
	}

	private static RuleDefinition rule(String name) {
		return DefaultRules.tourOperator()
			.stream()
			.filter((rule) -> name.equals(rule.name()))
			.findFirst()
			.orElseThrow();
	}

	private static List<PlannedMessage> planned(String rule, TriggerEvent event) {
		RulePlan plan = RulePlanner.plan(rule(rule), event, DEFAULTS, EVENT_TIME);
		assertThat(plan).as("%s", plan).isInstanceOf(RulePlan.Planned.class);
		return ((RulePlan.Planned) plan).messages();
	}

	private static PlannedMessage single(String rule, TriggerEvent event) {
		List<PlannedMessage> messages = planned(rule, event);
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	/**
	 * The text the customer reads, once the message passed the checks the service makes.
	 */
	private static String render(PlannedMessage message) {
		TemplateDecision decision = TemplateCheck.check(catalog(),
				new MetaMessage.Template(message.templateName(), MetaMessage.Language.of(message.language()), null),
				new TemplateArguments(message.positional(), message.named(), List.of()), Map.of());
		assertThat(decision).as("%s", decision).isInstanceOf(TemplateDecision.Sendable.class);
		TemplateDecision.Sendable sendable = (TemplateDecision.Sendable) decision;
		return TemplateRenderer.render(sendable.template(), sendable.send()).body();
	}

	private static TemplateCatalog catalog() {
		assertThat(SEEDED_TEMPLATES).as("the simulator's seeded templates (tests run in the module's directory)")
			.exists();
		try {
			return TemplateCatalog.of(Json.mapper()
				.readValue(Files.readString(SEEDED_TEMPLATES), new TypeReference<List<MessageTemplate>>() {
				}));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
