package com.waplatform.workflow.autoreply.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.waplatform.common.conversation.BusinessHours;
import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.conversation.ConversationSettings.AutoReplyRule;
import com.waplatform.common.conversation.ConversationSettings.OutOfHoursReply;
import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy.Decision;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy.Facts;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy.Incoming;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which auto-reply answers a message, and the guards in their order. */
class AutoReplyPolicyTests {

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	/** Tuesday 2026-03-10, 10:00 in Madrid (09:00Z): open. */
	private static final Instant TUESDAY_MORNING = Instant.parse("2026-03-10T09:00:00Z");

	/** Tuesday 2026-03-10, 22:00 in Madrid (21:00Z): closed. */
	private static final Instant TUESDAY_NIGHT = Instant.parse("2026-03-10T21:00:00Z");

	/** Saturday 2026-03-14, 10:00 in Madrid: closed all day. */
	private static final Instant SATURDAY = Instant.parse("2026-03-14T09:00:00Z");

	private static final BusinessHours OFFICE = new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
			LocalTime.of(9, 0), LocalTime.of(18, 0));

	private static final ConversationSettings SETTINGS = new ConversationSettings(Map.of(), Map.of(), null,
			List.of(new AutoReplyRule("hours", "We are open Monday to Friday, 9:00 to 18:00.", null),
					new AutoReplyRule("Brochure", null, new TemplateChoice("brochure", "en", List.of("Ana")))),
			new OutOfHoursReply(OFFICE, "We are closed now and will answer tomorrow.", null));

	private static final Facts CLEAR = new Facts(true, false, false, false);

	@Test
	void aKeywordRuleWinsOverTheOutOfHoursReply() {
		ChosenReply reply = AutoReplyPolicy.choose(written(" Hours! ", TUESDAY_NIGHT), SETTINGS, MADRID).orElseThrow();
		assertThat(reply.kind()).isEqualTo(ChosenReply.Kind.KEYWORD);
		assertThat(reply.rule()).isEqualTo("keyword:HOURS");
		assertThat(reply.text()).isEqualTo("We are open Monday to Friday, 9:00 to 18:00.");
		assertThat(reply.template()).isNull();
	}

	@Test
	void aKeywordRuleMayAnswerWithATemplate() {
		ChosenReply reply = AutoReplyPolicy.choose(written("brochure", TUESDAY_MORNING), SETTINGS, MADRID)
			.orElseThrow();
		assertThat(reply.rule()).isEqualTo("keyword:BROCHURE");
		assertThat(reply.text()).isNull();
		assertThat(reply.template()).isEqualTo(new TemplateChoice("brochure", "en", List.of("Ana")));
	}

	@Test
	void outsideBusinessHoursInTheOrganizationsZoneTheOutOfHoursReplyAnswers() {
		assertThat(AutoReplyPolicy.choose(written("Is the tour on?", TUESDAY_NIGHT), SETTINGS, MADRID))
			.hasValueSatisfying((reply) -> {
				assertThat(reply.kind()).isEqualTo(ChosenReply.Kind.OUT_OF_HOURS);
				assertThat(reply.rule()).isEqualTo(AutoReplyPolicy.OUT_OF_HOURS);
				assertThat(reply.text()).isEqualTo("We are closed now and will answer tomorrow.");
			});
		assertThat(AutoReplyPolicy.choose(written("Is the tour on?", SATURDAY), SETTINGS, MADRID)).isPresent();
		// 09:00Z is 10:00 in Madrid (open) but 04:00 in New York (closed)
		assertThat(AutoReplyPolicy.choose(written("Is the tour on?", TUESDAY_MORNING), SETTINGS, MADRID)).isEmpty();
		assertThat(AutoReplyPolicy.choose(written("Is the tour on?", TUESDAY_MORNING), SETTINGS,
				ZoneId.of("America/New_York")))
			.isPresent();
	}

	@Test
	void onlyWordsTheCustomerWroteAreAnswered() {
		assertThat(AutoReplyPolicy.choose(new Incoming("👍", false, TUESDAY_NIGHT), SETTINGS, MADRID)).isEmpty();
		assertThat(AutoReplyPolicy.choose(new Incoming(null, false, TUESDAY_NIGHT), SETTINGS, MADRID)).isEmpty();
	}

	@Test
	void aKeywordIsTheWholeMessage() {
		assertThat(AutoReplyPolicy.choose(written("what are your hours", TUESDAY_MORNING), SETTINGS, MADRID)).isEmpty();
	}

	@Test
	void rulesWithoutAReplyAreIgnored() {
		ConversationSettings empty = new ConversationSettings(Map.of(), Map.of(), null,
				List.of(new AutoReplyRule("hours", " ", null)), new OutOfHoursReply(OFFICE, null, null));
		assertThat(AutoReplyPolicy.choose(written("hours", TUESDAY_NIGHT), empty, MADRID)).isEmpty();
		assertThat(AutoReplyPolicy.choose(written("hours", TUESDAY_NIGHT), ConversationSettings.DEFAULTS, MADRID))
			.isEmpty();
	}

	@Test
	void aChosenReplyGoesWhenNothingStandsInItsWay() {
		assertThat(decide("hours", TUESDAY_NIGHT, CLEAR, TUESDAY_NIGHT.plusSeconds(2)))
			.isInstanceOf(Decision.Send.class)
			.extracting(Decision::outcome)
			.isEqualTo("sent");
	}

	@Test
	void theGuardsSayWhyNot() {
		Instant now = TUESDAY_NIGHT.plusSeconds(2);
		assertThat(decide("hours", TUESDAY_NIGHT, new Facts(false, true, true, true), now).outcome())
			.isEqualTo("skipped_automation_off");
		assertThat(decide("hours", TUESDAY_NIGHT, CLEAR, TUESDAY_NIGHT.plus(Duration.ofHours(24))).outcome())
			.isEqualTo("skipped_stale");
		assertThat(decide("hours", TUESDAY_NIGHT, CLEAR, TUESDAY_NIGHT.plus(Duration.ofHours(23))).outcome())
			.isEqualTo("sent");
		assertThat(decide("STOP", TUESDAY_NIGHT, CLEAR, now).outcome()).isEqualTo("skipped_opt_keyword");
		assertThat(decide("Arrêt", TUESDAY_NIGHT, CLEAR, now).outcome()).isEqualTo("skipped_opt_keyword");
		assertThat(decide("start", TUESDAY_NIGHT, CLEAR, now).outcome()).isEqualTo("skipped_opt_keyword");
		assertThat(decide("hours", TUESDAY_NIGHT, new Facts(true, true, true, true), now).outcome())
			.isEqualTo("skipped_loop");
		assertThat(decide("hours", TUESDAY_NIGHT, new Facts(true, true, false, true), now).outcome())
			.isEqualTo("skipped_suppressed");
		assertThat(decide("hours", TUESDAY_NIGHT, new Facts(true, false, false, true), now).outcome())
			.isEqualTo("skipped_already_replied");
	}

	@Test
	void anOrganizationsOwnOptOutWordsAreNotAnswered() {
		ConversationSettings own = new ConversationSettings(Map.of("en", List.of("ENOUGH")), Map.of(), null,
				SETTINGS.autoReplies(), SETTINGS.outOfHours());
		ChosenReply reply = AutoReplyPolicy.choose(written("enough", TUESDAY_NIGHT), own, MADRID).orElseThrow();
		assertThat(AutoReplyPolicy
			.decide(reply, written("enough", TUESDAY_NIGHT), own, CLEAR, TUESDAY_NIGHT.plusSeconds(1))
			.outcome()).isEqualTo("skipped_opt_keyword");
	}

	@Test
	void aReplysMessageIdIsTheSameForTheSameInboundAndRuleOnly() {
		String id = AutoReplyPolicy.messageId("org-a", "wamid.1", "keyword:HOURS");
		assertThat(AutoReplyPolicy.messageId("org-a", "wamid.1", "keyword:HOURS")).isEqualTo(id);
		assertThat(AutoReplyPolicy.messageId("org-a", "wamid.1", "out_of_hours")).isNotEqualTo(id);
		assertThat(AutoReplyPolicy.messageId("org-a", "wamid.2", "keyword:HOURS")).isNotEqualTo(id);
		assertThat(AutoReplyPolicy.messageId("org-b", "wamid.1", "keyword:HOURS")).isNotEqualTo(id);
	}

	private static Decision decide(String words, Instant sentAt, Facts facts, Instant now) {
		Incoming incoming = written(words, sentAt);
		ChosenReply reply = AutoReplyPolicy.choose(incoming, SETTINGS, MADRID).orElseThrow();
		return AutoReplyPolicy.decide(reply, incoming, SETTINGS, facts, now);
	}

	private static Incoming written(String words, Instant sentAt) {
		return new Incoming(words, true, sentAt);
	}

}
