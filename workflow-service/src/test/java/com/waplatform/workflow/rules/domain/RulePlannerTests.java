package com.waplatform.workflow.rules.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.message.Priority;
import org.junit.jupiter.api.Test;

import static com.waplatform.workflow.rules.domain.RuleFixtures.EVENT_ID;
import static com.waplatform.workflow.rules.domain.RuleFixtures.RULE_ID;
import static com.waplatform.workflow.rules.domain.RuleFixtures.paymentDue;
import static com.waplatform.workflow.rules.domain.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class RulePlannerTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void aPaymentDueBecomesTwoRemindersWithEverythingTheSenderNeeds() {
		RuleDefinition rule = rule("""
				"parameters": [{"from": "/customerName"},
				               {"from": "/amount", "format": "currency", "currencyFrom": "/currency"}],
				"timing": {"relativeTo": "/dueDate", "offsets": ["-P3D", "-P1D"]}""");
		RulePlan plan = RulePlanner.plan(rule,
				paymentDue("\"amount\": 450, \"currency\": \"EUR\", \"dueDate\": \"2026-12-10\""),
				RecipientDefaults.NONE, NOW);
		ZoneId madrid = ZoneId.of("Europe/Madrid");
		assertThat(((RulePlan.Planned) plan).messages()).containsExactly(
				new PlannedMessage(0, "+34600123456", null, "payment_reminder", "en", List.of("Ana Souza", "€450.00"),
						null, Instant.parse("2026-12-07T09:00:00Z"), madrid, false, null, "payment", "B-1042",
						Priority.TRANSACTIONAL),
				new PlannedMessage(1, "+34600123456", null, "payment_reminder", "en", List.of("Ana Souza", "€450.00"),
						null, Instant.parse("2026-12-09T09:00:00Z"), madrid, false, null, "payment", "B-1042",
						Priority.TRANSACTIONAL));
	}

	@Test
	void messageIdsAreTheSameForARedeliveredEvent() {
		String id = PlannedMessage.messageId(EVENT_ID, RULE_ID, 1);
		assertThat(id)
			.isEqualTo(UUID.nameUUIDFromBytes(("workflow|" + RULE_ID + "|" + EVENT_ID + "|1").getBytes()).toString());
		assertThat(PlannedMessage.messageId(EVENT_ID, RULE_ID, 1)).isEqualTo(id);
		assertThat(List.of(PlannedMessage.messageId(EVENT_ID, RULE_ID, 0),
				PlannedMessage.messageId(UUID.randomUUID(), RULE_ID, 1),
				PlannedMessage.messageId(EVENT_ID, UUID.randomUUID(), 1)))
			.doesNotContain(id)
			.doesNotHaveDuplicates();
		PlannedMessage first = planned(rule(""), paymentDue("")).get(0);
		assertThat(first.messageId(EVENT_ID, RULE_ID)).isEqualTo(PlannedMessage.messageId(EVENT_ID, RULE_ID, 0));
	}

	@Test
	void theRecipientMustBeAValidNumber() {
		assertThat(RulePlanner.plan(rule(""), RuleFixtures.event("payment.due", "{\"customerPhone\": \"12345\"}"),
				RecipientDefaults.NONE, NOW))
			.isEqualTo(new RulePlan.Invalid("invalid_recipient",
					"/customerPhone is \"12345\": not a possible phone number (wrong length for its country code)"));
		assertThat(RulePlanner.plan(rule(""), RuleFixtures.event("payment.due", "{\"customerName\": \"Ana\"}"),
				RecipientDefaults.NONE, NOW))
			.isEqualTo(new RulePlan.Invalid("invalid_recipient", "/customerPhone has no phone number to send to"));
	}

	@Test
	void aMissingParameterMakesTheEventInvalidForTheRule() {
		assertThat(
				RulePlanner.plan(rule(""), RuleFixtures.event("payment.due", "{\"customerPhone\": \"+34600123456\"}"),
						RecipientDefaults.NONE, NOW))
			.isEqualTo(new RulePlan.Invalid("missing_value",
					"/customerName has no value (parameters[0]) and the rule gives no default"));
	}

	@Test
	void theEventsBusinessNumberWinsOverTheRules() {
		RuleDefinition rule = rule(
				"\"recipient\": {\"phone\": \"/customerPhone\", \"phoneNumberId\": \"106540352242922\"}");
		assertThat(planned(rule, paymentDue("\"phoneNumberId\": \"pn-9\"")).get(0).phoneNumberId()).isEqualTo("pn-9");
		assertThat(planned(rule, paymentDue("")).get(0).phoneNumberId()).isEqualTo("106540352242922");
		assertThat(planned(rule(""), paymentDue("")).get(0).phoneNumberId()).isNull();
		RuleDefinition elsewhere = rule(
				"\"recipient\": {\"phone\": \"/customerPhone\", \"phoneNumberIdFrom\": " + "\"/sender/number\"}");
		assertThat(planned(elsewhere, paymentDue("\"sender\": {\"number\": \"pn-3\"}")).get(0).phoneNumberId())
			.isEqualTo("pn-3");
	}

	@Test
	void theCustomersLanguageFromTheEventElseTheRulesElseEnglish() {
		String languages = "\"template\": {\"name\": \"payment_reminder\", \"language\": \"pt_BR\", \"languageFrom\": "
				+ "\"/language\"}";
		assertThat(planned(rule(languages), paymentDue("\"language\": \"es-es\"")).get(0).language())
			.isEqualTo("es_ES");
		assertThat(planned(rule(languages), paymentDue("\"language\": \"Spanish please\"")).get(0).language())
			.isEqualTo("pt_BR");
		assertThat(planned(rule(languages), paymentDue("")).get(0).language()).isEqualTo("pt_BR");
		assertThat(planned(rule("\"template\": {\"name\": \"payment_reminder\"}"), paymentDue("")).get(0).language())
			.isEqualTo("en");
	}

	@Test
	void datesAreWrittenInTheLanguageAndZoneOfTheEvent() {
		RuleDefinition rule = rule("""
				"template": {"name": "payment_reminder", "language": "en", "languageFrom": "/language"},
				"parameters": [{"from": "/startsAt", "format": "datetime"}]""");
		PlannedMessage message = planned(rule, paymentDue("\"startsAt\": \"2026-12-10T09:00:00Z\", \"language\": "
				+ "\"es\", \"timeZone\": \"America/Sao_Paulo\""))
			.get(0);
		assertThat(message.recipientZone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
		assertThat(message.positional()).containsExactly("10 de diciembre de 2026 6:00");
	}

	@Test
	void namedParametersKeepTheRulesOrder() {
		RuleDefinition rule = rule("\"parameters\": {\"name\": {\"from\": \"/customerName\"}, \"agent\": {\"value\": "
				+ "\"Rui\"}, \"city\": {\"value\": \"Lisbon\"}}");
		PlannedMessage message = planned(rule, paymentDue("")).get(0);
		assertThat(message.positional()).isNull();
		assertThat(message.named()).containsExactly(entry("name", "Ana Souza"), entry("agent", "Rui"),
				entry("city", "Lisbon"));
	}

	@Test
	void theContextIsTheEventsSubjectOfTheRulesTypeElseTheEventTypesFirstPart() {
		PlannedMessage message = planned(rule("\"context\": {\"type\": \"booking\"}, \"priority\": \"bulk\""),
				paymentDue(""))
			.get(0);
		assertThat(message.contextType()).isEqualTo("booking");
		assertThat(message.contextId()).isEqualTo("B-1042");
		assertThat(message.priority()).isEqualTo(Priority.BULK);
		assertThat(RulePlanner.defaultContextType("booking.confirmed")).isEqualTo("booking");
		assertThat(RulePlanner.defaultContextType("heartbeat")).isEqualTo("heartbeat");
	}

	@Test
	void aRuleWithProblemsIsNeverPlanned() {
		RuleDefinition broken = new RuleDefinition(null, null, null, null, null, RuleDefinition.Parameters.NONE,
				RuleDefinition.Timing.NOW, null, null, false, null, null);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RulePlanner.plan(broken, paymentDue(""), RecipientDefaults.NONE, NOW))
			.withMessageStartingWith("Rule 'null' cannot be planned: [name: required, trigger: required");
	}

	private static List<PlannedMessage> planned(RuleDefinition rule, TriggerEvent event) {
		RulePlan plan = RulePlanner.plan(rule, event, RecipientDefaults.NONE, NOW);
		assertThat(plan).as("%s", plan).isInstanceOf(RulePlan.Planned.class);
		return ((RulePlan.Planned) plan).messages();
	}

}
