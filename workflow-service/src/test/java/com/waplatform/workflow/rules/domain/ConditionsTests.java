package com.waplatform.workflow.rules.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static com.waplatform.workflow.rules.domain.RuleFixtures.paymentDue;
import static com.waplatform.workflow.rules.domain.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void equalsComparesJsonValues() {
		String rule = condition("{\"pointer\": \"/package/category\", \"equals\": \"adventure\"}");
		assertThat(plan(rule, "\"package\": {\"category\": \"adventure\"}")).isInstanceOf(RulePlan.Planned.class);
		assertThat(plan(rule, "\"package\": {\"category\": \"city\"}"))
			.isEqualTo(new RulePlan.ConditionFalse("/package/category is \"city\", not \"adventure\""));
		assertThat(plan(rule, "\"package\": {}"))
			.isEqualTo(new RulePlan.ConditionFalse("/package/category is absent, not \"adventure\""));
	}

	@Test
	void numbersEqualByValueButNeverAText() {
		String rule = condition("{\"pointer\": \"/travellers\", \"equals\": 2}");
		assertThat(plan(rule, "\"travellers\": 2.0")).isInstanceOf(RulePlan.Planned.class);
		assertThat(plan(rule, "\"travellers\": \"2\""))
			.isEqualTo(new RulePlan.ConditionFalse("/travellers is \"2\", not 2"));
		assertThat(plan(condition("{\"pointer\": \"/vip\", \"equals\": true}"), "\"vip\": true"))
			.isInstanceOf(RulePlan.Planned.class);
	}

	@Test
	void inMatchesAnyOfItsValues() {
		String rule = condition("{\"pointer\": \"/country\", \"in\": [\"ES\", \"PT\"]}");
		assertThat(plan(rule, "\"country\": \"PT\"")).isInstanceOf(RulePlan.Planned.class);
		assertThat(plan(rule, "\"country\": \"FR\""))
			.isEqualTo(new RulePlan.ConditionFalse("/country is \"FR\", not one of [\"ES\", \"PT\"]"));
	}

	@Test
	void existsWantsAValueThatIsNotBlank() {
		String rule = condition("{\"pointer\": \"/email\", \"exists\": true}");
		assertThat(plan(rule, "\"email\": \"ana@example.com\"")).isInstanceOf(RulePlan.Planned.class);
		assertThat(plan(rule, "\"email\": \" \"")).isEqualTo(new RulePlan.ConditionFalse("/email is absent"));
		assertThat(plan(rule, "\"email\": null")).isEqualTo(new RulePlan.ConditionFalse("/email is absent"));
		assertThat(plan(condition("{\"pointer\": \"/email\", \"exists\": false}"), "\"email\": \"a@b.c\""))
			.isEqualTo(new RulePlan.ConditionFalse("/email is \"a@b.c\", not absent"));
	}

	@Test
	void absentWantsNoValue() {
		String rule = condition("{\"pointer\": \"/cancelledAt\", \"absent\": true}");
		assertThat(plan(rule, "\"other\": 1")).isInstanceOf(RulePlan.Planned.class);
		assertThat(plan(rule, "\"cancelledAt\": \"2026-11-30\""))
			.isEqualTo(new RulePlan.ConditionFalse("/cancelledAt is \"2026-11-30\", not absent"));
	}

	@Test
	void allConditionsMustHoldAndTheFirstFailingIsReported() {
		String rule = condition("{\"pointer\": \"/country\", \"in\": [\"ES\"]}, {\"pointer\": \"/vip\", \"equals\": "
				+ "true}, {\"pointer\": \"/email\", \"exists\": true}");
		assertThat(plan(rule, "\"country\": \"ES\", \"vip\": false"))
			.isEqualTo(new RulePlan.ConditionFalse("/vip is false, not true"));
	}

	@Test
	void anEventOfAnotherTypeDoesNotApply() {
		RulePlan plan = RulePlanner.plan(rule(""),
				RuleFixtures.event("payment.received", "{\"customerPhone\": \"+34600123456\"}"), RecipientDefaults.NONE,
				NOW);
		assertThat(plan)
			.isEqualTo(new RulePlan.ConditionFalse("the event is a payment.received, the rule's trigger payment.due"));
	}

	private static String condition(String conditions) {
		return "\"trigger\": {\"type\": \"payment.due\", \"conditions\": [" + conditions + "]}";
	}

	private static RulePlan plan(String rule, String data) {
		return RulePlanner.plan(rule(rule), paymentDue(data), RecipientDefaults.NONE, NOW);
	}

}
