package com.waplatform.workflow.autoreply.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.conversation.ConversationSettings.AutoReplyRule;
import com.waplatform.common.conversation.ConversationSettings.OutOfHoursReply;
import com.waplatform.common.conversation.Keywords;
import com.waplatform.common.conversation.OptOutKeywords;
import com.waplatform.common.conversation.ServiceWindow;
import org.jspecify.annotations.Nullable;

/**
 * Which auto-reply answers a customer's message, and whether it may go.
 * <p>
 * {@link #choose}: only words the customer wrote (text, a caption, a reply; not a
 * reaction or a system notice) are answered; the first keyword rule whose keyword the
 * whole message is ({@link Keywords}) wins; else the out-of-hours reply when the message
 * was written outside the business hours in the organization's zone.
 * <p>
 * {@link #decide}, in this order: automation switched off; the message is older than the
 * service window (a replayed old message is never answered, and a free-form reply would
 * fail at Meta); the words are an opt-out or opt-in keyword (the customer asked for
 * something else than an answer); the message replies to one of our auto-replies (no
 * loops between auto-responders); the customer is suppressed; this rule already answered
 * the customer within the window ({@link ServiceWindow#LENGTH}).
 */
public final class AutoReplyPolicy {

	public static final String SENT = "sent";

	public static final String SKIPPED_AUTOMATION_OFF = "skipped_automation_off";

	public static final String SKIPPED_STALE = "skipped_stale";

	public static final String SKIPPED_OPT_KEYWORD = "skipped_opt_keyword";

	public static final String SKIPPED_LOOP = "skipped_loop";

	public static final String SKIPPED_SUPPRESSED = "skipped_suppressed";

	public static final String SKIPPED_ALREADY_REPLIED = "skipped_already_replied";

	/** The rule of the out-of-hours reply. */
	public static final String OUT_OF_HOURS = "out_of_hours";

	private AutoReplyPolicy() {
	}

	/**
	 * The customer's message as the policy reads it.
	 *
	 * @param words the words of the message ({@code InboundText.of})
	 * @param written whether the customer wrote them ({@code InboundText.isWritten})
	 * @param sentAt when the customer sent it (Meta's timestamp)
	 */
	public record Incoming(@Nullable String words, boolean written, Instant sentAt) {
	}

	/**
	 * What the service knows about the customer and the organization.
	 *
	 * @param repliesToAutoReply the message replies to (quotes) one of our auto-replies
	 * @param repliedWithinWindow the chosen rule answered this customer on this number
	 * within {@link ServiceWindow#LENGTH}
	 */
	public record Facts(boolean automationEnabled, boolean suppressed, boolean repliesToAutoReply,
			boolean repliedWithinWindow) {
	}

	/** Whether a chosen reply goes, and if not why. */
	public sealed interface Decision {

		ChosenReply reply();

		/** The outcome tag of the metric. */
		String outcome();

		record Send(ChosenReply reply) implements Decision {

			@Override
			public String outcome() {
				return SENT;
			}

		}

		record Skip(ChosenReply reply, String outcome) implements Decision {
		}

	}

	/** The auto-reply that would answer the message, if any. */
	public static Optional<ChosenReply> choose(Incoming incoming, ConversationSettings settings, ZoneId zone) {
		if (!incoming.written()) {
			return Optional.empty();
		}
		for (AutoReplyRule rule : settings.autoReplies()) {
			if (usable(rule.text(), rule.template() != null) && Keywords.matches(incoming.words(), rule.keyword())) {
				return Optional.of(new ChosenReply(ChosenReply.Kind.KEYWORD, keywordRule(rule.keyword()),
						textOrNull(rule.text()), (textOrNull(rule.text()) != null) ? null : rule.template()));
			}
		}
		OutOfHoursReply outOfHours = settings.outOfHours();
		if (outOfHours != null && usable(outOfHours.text(), outOfHours.template() != null)
				&& !outOfHours.hours().isOpen(incoming.sentAt(), zone)) {
			return Optional
				.of(new ChosenReply(ChosenReply.Kind.OUT_OF_HOURS, OUT_OF_HOURS, textOrNull(outOfHours.text()),
						(textOrNull(outOfHours.text()) != null) ? null : outOfHours.template()));
		}
		return Optional.empty();
	}

	/** Whether the chosen reply goes now. */
	public static Decision decide(ChosenReply reply, Incoming incoming, ConversationSettings settings, Facts facts,
			Instant now) {
		if (!facts.automationEnabled()) {
			return new Decision.Skip(reply, SKIPPED_AUTOMATION_OFF);
		}
		if (!ServiceWindow.isOpen(incoming.sentAt(), null, now)) {
			return new Decision.Skip(reply, SKIPPED_STALE);
		}
		if (OptOutKeywords.match(incoming.words(), settings).isPresent()) {
			return new Decision.Skip(reply, SKIPPED_OPT_KEYWORD);
		}
		if (facts.repliesToAutoReply()) {
			return new Decision.Skip(reply, SKIPPED_LOOP);
		}
		if (facts.suppressed()) {
			return new Decision.Skip(reply, SKIPPED_SUPPRESSED);
		}
		if (facts.repliedWithinWindow()) {
			return new Decision.Skip(reply, SKIPPED_ALREADY_REPLIED);
		}
		return new Decision.Send(reply);
	}

	/** The rule name of a keyword rule: its keyword, normalized. */
	public static String keywordRule(String keyword) {
		return "keyword:" + Keywords.normalize(keyword);
	}

	/**
	 * The message id of the reply a rule gives to an inbound message: the same for a
	 * redelivered or replayed message, so it can never be answered twice by a rule.
	 */
	public static String messageId(String organizationId, String inboundWamid, String rule) {
		return UUID
			.nameUUIDFromBytes(
					("auto-reply|" + organizationId + "|" + inboundWamid + "|" + rule).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/**
	 * The earliest time a reply may have gone and still count as "within the window" at
	 * {@code now}.
	 */
	public static Instant windowStart(Instant now) {
		return now.minus(ServiceWindow.LENGTH);
	}

	private static boolean usable(@Nullable String text, boolean hasTemplate) {
		return textOrNull(text) != null || hasTemplate;
	}

	private static @Nullable String textOrNull(@Nullable String text) {
		return (text != null && !text.isBlank()) ? text : null;
	}

}
