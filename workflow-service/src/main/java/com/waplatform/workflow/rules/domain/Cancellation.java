package com.waplatform.workflow.rules.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import com.waplatform.workflow.rules.domain.RuleDefinition.CancelEvent;
import com.waplatform.workflow.rules.domain.RuleDefinition.CancelOn;
import com.waplatform.workflow.rules.domain.RuleDefinition.Recipient;

/**
 * Which pending messages of a rule a later event or a customer's reply cancels
 * ({@code cancelOn}). Both sides are keys ({@link CancelKey}): a pending message is kept
 * under {@link #keysOf}, and a cancelling event yields {@link #keysFor}; the caller
 * cancels the rule's pending messages whose keys it finds.
 */
public final class Cancellation {

	private Cancellation() {
	}

	/**
	 * The keys {@code cancelling} cancels the rule's pending messages by: for each of the
	 * rule's {@code cancelOn.events} of its type, its subject ({@code match: subject}) or
	 * the phone number at the rule's recipient pointer in its data, in E.164
	 * ({@code match: customer}; none when that is missing or invalid).
	 */
	public static List<CancelKey> keysFor(RuleDefinition rule, TriggerEvent cancelling) {
		Set<CancelKey> keys = new LinkedHashSet<>();
		for (CancelEvent event : cancelEvents(rule)) {
			if (!cancelling.type().equals(event.type())) {
				continue;
			}
			CancelKey.Kind kind = CancelKey.Kind.named(event.match()).orElseThrow();
			if (kind == CancelKey.Kind.SUBJECT) {
				keys.add(CancelKey.subject(cancelling.subject()));
			}
			else {
				customerPhone(rule.recipient(), cancelling).ifPresent((e164) -> keys.add(CancelKey.customer(e164)));
			}
		}
		return List.copyOf(keys);
	}

	/**
	 * The keys an inbound message from {@code from} (E.164, or Meta's {@code wa_id}
	 * without the plus) cancels by: the customer, when the rule has
	 * {@code cancelOn.reply}.
	 */
	public static List<CancelKey> keysForReply(RuleDefinition rule, String from) {
		CancelOn cancelOn = rule.cancelOn();
		if (cancelOn == null || !cancelOn.reply()) {
			return List.of();
		}
		return (PhoneNumbers.normalize(from) instanceof NormalizedPhone.Valid valid)
				? List.of(CancelKey.customer(valid.e164())) : List.of();
	}

	/**
	 * The keys a pending message of the rule, planned for {@code trigger}, is cancelled
	 * by; empty when nothing cancels the rule's messages.
	 */
	public static List<CancelKey> keysOf(RuleDefinition rule, TriggerEvent trigger, PlannedMessage message) {
		List<CancelKey> keys = new ArrayList<>();
		boolean bySubject = cancelEvents(rule).stream()
			.anyMatch((event) -> CancelKey.Kind.SUBJECT.jsonName().equals(event.match()));
		boolean byCustomer = cancelEvents(rule).stream()
			.anyMatch((event) -> CancelKey.Kind.CUSTOMER.jsonName().equals(event.match()))
				|| (rule.cancelOn() != null && rule.cancelOn().reply());
		if (bySubject) {
			keys.add(CancelKey.subject(trigger.subject()));
		}
		if (byCustomer) {
			keys.add(CancelKey.customer(message.recipient()));
		}
		return List.copyOf(keys);
	}

	/** Whether events of {@code eventType} cancel the rule's pending messages. */
	public static boolean cancelledBy(RuleDefinition rule, String eventType) {
		return cancelEvents(rule).stream().anyMatch((event) -> eventType.equals(event.type()));
	}

	private static List<CancelEvent> cancelEvents(RuleDefinition rule) {
		return (rule.cancelOn() != null) ? rule.cancelOn().events() : List.of();
	}

	private static Optional<String> customerPhone(Recipient recipient, TriggerEvent event) {
		return Pointers.text(event.data(), recipient.phone())
			.map(PhoneNumbers::normalize)
			.filter(NormalizedPhone.Valid.class::isInstance)
			.map((phone) -> ((NormalizedPhone.Valid) phone).e164());
	}

}
