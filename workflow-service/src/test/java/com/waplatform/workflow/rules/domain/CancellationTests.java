package com.waplatform.workflow.rules.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.waplatform.workflow.rules.domain.RuleFixtures.event;
import static com.waplatform.workflow.rules.domain.RuleFixtures.paymentDue;
import static com.waplatform.workflow.rules.domain.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

class CancellationTests {

	private static final RuleDefinition BY_SUBJECT = rule(
			"\"cancelOn\": {\"events\": [{\"type\": \"payment.received\", \"match\": \"subject\"}]}");

	private static final RuleDefinition BY_CUSTOMER = rule("\"cancelOn\": {\"events\": [{\"type\": "
			+ "\"booking.confirmed\", \"match\": \"customer\"}], \"reply\": true}");

	@Test
	void aLaterEventOfTheSameSubjectCancels() {
		assertThat(Cancellation.keysFor(BY_SUBJECT, event("payment.received", "{\"bookingId\": \"B-1042\"}")))
			.containsExactly(CancelKey.subject("B-1042"));
		assertThat(Cancellation.keysFor(BY_SUBJECT, event("booking.cancelled", "{}"))).isEmpty();
	}

	@Test
	void aLaterEventOfTheSameCustomerCancelsByTheirNumberInE164() {
		assertThat(Cancellation.keysFor(BY_CUSTOMER,
				event("booking.confirmed", "{\"customerPhone\": \"0034 600 " + "123 456\"}")))
			.isEmpty();
		assertThat(Cancellation.keysFor(BY_CUSTOMER,
				event("booking.confirmed", "{\"customerPhone\": \"+34 600 12 34 56\"}")))
			.containsExactly(CancelKey.customer("+34600123456"));
		assertThat(Cancellation.keysFor(BY_CUSTOMER, event("booking.confirmed", "{\"bookingId\": \"B-1\"}"))).isEmpty();
	}

	@Test
	void theCustomersReplyCancelsOnlyWhereTheRuleSaysSo() {
		assertThat(Cancellation.keysForReply(BY_CUSTOMER, "34600123456"))
			.containsExactly(CancelKey.customer("+34600123456"));
		assertThat(Cancellation.keysForReply(BY_SUBJECT, "34600123456")).isEmpty();
		assertThat(Cancellation.keysForReply(rule(""), "34600123456")).isEmpty();
	}

	@Test
	void aPendingMessageIsKeptUnderTheKeysThatCancelIt() {
		TriggerEvent trigger = paymentDue("");
		PlannedMessage message = plannedFor(BY_SUBJECT, trigger);
		assertThat(Cancellation.keysOf(BY_SUBJECT, trigger, message)).containsExactly(CancelKey.subject("B-1042"));
		assertThat(Cancellation.keysOf(BY_CUSTOMER, trigger, message))
			.containsExactly(CancelKey.customer("+34600123456"));
		assertThat(Cancellation.keysOf(rule(""), trigger, message)).isEmpty();
		assertThat(CancelKey.customer("+34600123456")).hasToString("customer:+34600123456");
	}

	private static PlannedMessage plannedFor(RuleDefinition rule, TriggerEvent trigger) {
		List<PlannedMessage> messages = ((RulePlan.Planned) RulePlanner.plan(rule, trigger, RecipientDefaults.NONE,
				trigger.time()))
			.messages();
		return messages.get(0);
	}

}
