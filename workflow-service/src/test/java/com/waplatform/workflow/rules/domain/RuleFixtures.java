package com.waplatform.workflow.rules.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.json.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules and events written as their JSON, for the rule tests. */
final class RuleFixtures {

	static final UUID EVENT_ID = UUID.fromString("2b1f0c36-5c43-4d6a-9a39-1f3c7a0e2d11");

	static final UUID RULE_ID = UUID.fromString("8d5e9f7a-0b1c-4e2d-8f3a-6b7c8d9e0f12");

	/** A Spanish mobile: Europe/Madrid by its prefix. */
	static final String SPANISH_PHONE = "+34 600 123 456";

	private RuleFixtures() {
	}

	/**
	 * A minimal valid rule for {@code payment.due} with {@code extra} members added, e.g.
	 * {@code "timing": {"delay": "P1D"}}; members given twice take the last.
	 */
	static String ruleJson(String extra) {
		return """
				{"name": "payment-reminder", "trigger": {"type": "payment.due"},
				 "recipient": {"phone": "/customerPhone"},
				 "template": {"name": "payment_reminder", "language": "en"},
				 "parameters": [{"from": "/customerName"}]%s}
				""".formatted(extra.isEmpty() ? "" : ", " + extra);
	}

	static RuleDefinition rule(String extra) {
		return parse(ruleJson(extra));
	}

	static RuleDefinition parse(String json) {
		RuleRead read = RuleDefinition.read(json);
		assertThat(read).as("%s", read).isInstanceOf(RuleRead.Valid.class);
		return ((RuleRead.Valid) read).rule();
	}

	/** The problems reading {@code json} reports, as {@code field: message}. */
	static List<String> problemsOf(String json) {
		RuleRead read = RuleDefinition.read(json);
		assertThat(read).isInstanceOf(RuleRead.Invalid.class);
		return ((RuleRead.Invalid) read).problems().stream().map(RuleProblem::toString).toList();
	}

	static TriggerEvent event(String type, String data) {
		return event(type, "B-1042", Instant.parse("2026-12-01T09:30:00Z"), data);
	}

	static TriggerEvent event(String type, String subject, Instant time, String data) {
		return new TriggerEvent(EVENT_ID, type, subject, time, Json.mapper().readTree(data));
	}

	/** A {@code payment.due} event for Ana, with {@code extra} data members. */
	static TriggerEvent paymentDue(String extra) {
		return event("payment.due", """
				{"customerName": "Ana Souza", "customerPhone": "%s"%s}
				""".formatted(SPANISH_PHONE, extra.isEmpty() ? "" : ", " + extra));
	}

}
