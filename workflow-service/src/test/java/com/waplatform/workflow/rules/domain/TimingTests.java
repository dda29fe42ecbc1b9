package com.waplatform.workflow.rules.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.waplatform.common.account.QuietHours;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static com.waplatform.workflow.rules.domain.RuleFixtures.paymentDue;
import static com.waplatform.workflow.rules.domain.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** Due times and quiet hours, for a recipient in Madrid (a Spanish mobile). */
class TimingTests {

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final RecipientDefaults NIGHTS_OFF = new RecipientDefaults(
			new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), null);

	private static final String SERIES = "\"timing\": {\"relativeTo\": \"/dueDate\", \"offsets\": [\"-P3D\", "
			+ "\"-P1D\"], \"at\": \"10:00\"}";

	@Test
	void withoutTimingAMessageIsDueNow() {
		PlannedMessage message = single(plan("", "", RecipientDefaults.NONE, "2026-12-01T12:00:00Z"));
		assertThat(message.dueAt()).isNull();
		assertThat(message.deferredByQuietHours()).isFalse();
		assertThat(message.recipientZone()).isEqualTo(MADRID);
	}

	@Test
	void aDelayCountsCalendarDaysFromTheEventsTimeAcrossADaylightSavingChange() {
		// the event at 11:00 CET on Friday; three days later is 11:00 CEST on Monday, 71
		// hours on
		RulePlan plan = RulePlanner.plan(rule("\"timing\": {\"delay\": \"P3D\"}"),
				RuleFixtures.event("payment.due", "B-1", Instant.parse("2026-03-27T10:00:00Z"),
						"{\"customerPhone\": \"+34600123456\", \"customerName\": \"Ana\"}"),
				RecipientDefaults.NONE, Instant.parse("2026-03-27T10:00:01Z"));
		assertThat(single(plan).dueAt()).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
	}

	@Test
	void aSeriesFromADateIsDueAtTheLocalTimeEachDayAcrossADaylightSavingChange() {
		RulePlan plan = plan(SERIES, "\"dueDate\": \"2026-03-31\"", RecipientDefaults.NONE, "2026-03-20T12:00:00Z");
		// 10:00 CET (UTC+1) on Saturday 28 March, 10:00 CEST (UTC+2) on Monday 30 March
		assertThat(dueTimes(plan)).containsExactly(Instant.parse("2026-03-28T09:00:00Z"),
				Instant.parse("2026-03-30T08:00:00Z"));
		assertThat(((RulePlan.Planned) plan).messages()).extracting(PlannedMessage::index).containsExactly(0, 1);
	}

	@Test
	void aSeriesFromADateTimeKeepsItsTimeOfDayAndIgnoresAt() {
		String series = "\"timing\": {\"relativeTo\": \"/startsAt\", \"offsets\": [\"-P2D\", \"-PT2H\"], \"at\": "
				+ "\"10:00\"}";
		List<Instant> expected = List.of(Instant.parse("2026-03-28T11:00:00Z"), Instant.parse("2026-03-30T08:00:00Z"));
		// 12:00 CEST on Monday: two days before is 12:00 CET on Saturday, 47 hours
		// earlier
		assertThat(dueTimes(plan(series, "\"startsAt\": \"2026-03-30T12:00:00+02:00\"", RecipientDefaults.NONE,
				"2026-03-20T12:00:00Z")))
			.containsExactlyElementsOf(expected);
		assertThat(dueTimes(
				plan(series, "\"startsAt\": \"2026-03-30T12:00\"", RecipientDefaults.NONE, "2026-03-20T12:00:00Z")))
			.containsExactlyElementsOf(expected);
	}

	@Test
	void aLocalTimeSwallowedByTheDaylightSavingGapMovesPastIt() {
		String series = "\"timing\": {\"relativeTo\": \"/dueDate\", \"offsets\": [\"-P1D\"], \"at\": \"02:30\"}";
		// 02:30 does not exist in Madrid on 29 March 2026: 03:30 CEST
		assertThat(
				dueTimes(plan(series, "\"dueDate\": \"2026-03-30\"", RecipientDefaults.NONE, "2026-03-20T12:00:00Z")))
			.containsExactly(Instant.parse("2026-03-29T01:30:00Z"));
	}

	@Test
	void aDueTimeAlreadyPastIsKeptForTheCallerToDecide() {
		RulePlan plan = plan(SERIES, "\"dueDate\": \"2026-12-03\"", RecipientDefaults.NONE, "2026-12-01T12:00:00Z");
		assertThat(dueTimes(plan)).containsExactly(Instant.parse("2026-11-30T09:00:00Z"),
				Instant.parse("2026-12-02T09:00:00Z"));
	}

	@Test
	void aSeriesNeedsItsDate() {
		assertThat(plan(SERIES, "", RecipientDefaults.NONE, "2026-12-01T12:00:00Z")).isEqualTo(new RulePlan.Invalid(
				"missing_value", "/dueDate has no value: the time the rule's messages are due from"));
		assertThat(plan(SERIES, "\"dueDate\": \"soon\"", RecipientDefaults.NONE, "2026-12-01T12:00:00Z"))
			.isEqualTo(new RulePlan.Invalid("invalid_time",
					"/dueDate is \"soon\", not an ISO-8601 date or date-time like 2026-12-10 or 2026-12-10T09:00:00Z"));
	}

	@Test
	void quietHoursDeferANowMessageToTheirEndAcrossMidnight() {
		// 23:30 in Madrid: deferred to 08:00 the next morning
		PlannedMessage evening = single(plan("", "", NIGHTS_OFF, "2026-12-01T22:30:00Z"));
		assertThat(evening.dueAt()).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
		assertThat(evening.deferredByQuietHours()).isTrue();
		assertThat(evening.quietHours()).isEqualTo(NIGHTS_OFF.quietHours());
		// 01:00 in Madrid: 08:00 the same morning
		assertThat(single(plan("", "", NIGHTS_OFF, "2026-12-02T00:00:00Z")).dueAt())
			.isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
		PlannedMessage noon = single(plan("", "", NIGHTS_OFF, "2026-12-02T11:00:00Z"));
		assertThat(noon.dueAt()).isNull();
		assertThat(noon.deferredByQuietHours()).isFalse();
	}

	@Test
	void quietHoursDeferADueTime() {
		// due 23:00 in Madrid, twelve hours after the event
		RulePlan plan = RulePlanner.plan(rule("\"timing\": {\"delay\": \"PT12H\"}"),
				RuleFixtures.event("payment.due", "B-1", Instant.parse("2026-12-01T10:00:00Z"),
						"{\"customerPhone\": \"+34600123456\", \"customerName\": \"Ana\"}"),
				NIGHTS_OFF, Instant.parse("2026-12-01T10:00:00Z"));
		assertThat(single(plan).dueAt()).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
		assertThat(single(plan).deferredByQuietHours()).isTrue();
	}

	@Test
	void urgentRulesAndRulesWithQuietHoursOffIgnoreThem() {
		for (String rule : List.of("\"urgent\": true", "\"quietHours\": \"off\"")) {
			PlannedMessage message = single(plan(rule, "", NIGHTS_OFF, "2026-12-01T22:30:00Z"));
			assertThat(message.dueAt()).as(rule).isNull();
			assertThat(message.deferredByQuietHours()).as(rule).isFalse();
			assertThat(message.quietHours()).as(rule).isNull();
		}
	}

	@Test
	void theRulesQuietHoursBeatTheOrganizations() {
		String rule = "\"quietHours\": {\"start\": \"20:00\", \"end\": \"09:00\"}";
		// 08:30 in Madrid: outside the organization's quiet hours, inside the rule's
		PlannedMessage message = single(plan(rule, "", NIGHTS_OFF, "2026-12-02T07:30:00Z"));
		assertThat(message.dueAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
		assertThat(message.quietHours()).isEqualTo(new QuietHours(LocalTime.of(20, 0), LocalTime.of(9, 0)));
	}

	private static RulePlan plan(String rule, String data, RecipientDefaults defaults, String now) {
		return RulePlanner.plan(rule(rule), paymentDue(data), defaults, Instant.parse(now));
	}

	private static PlannedMessage single(RulePlan plan) {
		assertThat(plan).isInstanceOf(RulePlan.Planned.class);
		List<PlannedMessage> messages = ((RulePlan.Planned) plan).messages();
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static List<@Nullable Instant> dueTimes(RulePlan plan) {
		assertThat(plan).as("%s", plan).isInstanceOf(RulePlan.Planned.class);
		return ((RulePlan.Planned) plan).messages().stream().map(PlannedMessage::dueAt).toList();
	}

}
