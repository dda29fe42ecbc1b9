package com.waplatform.gateway.admin.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.waplatform.common.conversation.BusinessHours;
import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.conversation.ConversationSettings.AutoReplyRule;
import com.waplatform.common.conversation.ConversationSettings.OutOfHoursReply;
import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import com.waplatform.common.json.Json;
import com.waplatform.gateway.admin.domain.SettingsRequestReader.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationSettingsReaderTests {

	private static final String FULL = """
			{"conversations": {"optOutKeywords": {"en": ["STOP"], "pt_BR": ["PARAR"]}, "optInKeywords": {"en": ["START"]},
			 "windowFallback": {"name": "reopen", "language": "en_US", "parameters": ["Ann"]},
			 "autoReplies": [{"keyword": "HOURS", "text": "9 to 6"},
			                 {"keyword": "MENU", "template": {"name": "menu", "language": "en"}}],
			 "outOfHours": {"hours": {"days": ["monday", "SUNDAY"], "opens": "22:00", "closes": "06:00"},
			                "text": "Closed"}}}""";

	@Test
	void aFullSectionIsReadAndWrittenBackInTheSameShape() {
		ConversationSettings expected = new ConversationSettings(
				Map.of("en", List.of("STOP"), "pt_BR", List.of("PARAR")), Map.of("en", List.of("START")),
				new TemplateChoice("reopen", "en_US", List.of("Ann")),
				List.of(new AutoReplyRule("HOURS", "9 to 6", null),
						new AutoReplyRule("MENU", null, new TemplateChoice("menu", "en", List.of()))),
				new OutOfHoursReply(new BusinessHours(Set.of(DayOfWeek.MONDAY, DayOfWeek.SUNDAY), LocalTime.of(22, 0),
						LocalTime.of(6, 0)), "Closed", null));
		ConversationSettings read = settings(FULL);
		assertThat(read).isEqualTo(expected);
		String written = Json.mapper().writeValueAsString(ConversationSettingsWriter.write(read));
		assertThat(SettingsRequestReader.conversations(Json.mapper().readTree(written))).isEqualTo(expected);
		assertThat(written).contains("\"opens\":\"22:00\"", "\"days\":[\"MONDAY\",\"SUNDAY\"]");
	}

	@Test
	void leftOutIsTheDefaults() {
		assertThat(settings("{}")).isEqualTo(ConversationSettings.DEFAULTS);
		assertThat(settings("{\"conversations\": null}")).isEqualTo(ConversationSettings.DEFAULTS);
	}

	@Test
	void unacceptableValuesAreInvalidFieldByField() {
		assertThat(rejected("""
				{"conversations": {"autoReplies": [{"keyword": "A"}, {"keyword": "B", "text": "x",
				  "template": {"name": "t", "language": "en"}}],
				 "outOfHours": {"hours": {"days": ["FUNDAY"], "opens": "09:00", "closes": "09:00"}, "text": "x"},
				 "windowFallback": {"name": "t"}, "optOutKeywords": {"english": ["!!"]}, "extra": 1}}""", false))
			.containsExactlyInAnyOrder("conversations.autoReplies[0]", "conversations.autoReplies[1]",
					"conversations.outOfHours.hours.days[0]", "conversations.outOfHours.hours.closes",
					"conversations.windowFallback.language", "conversations.optOutKeywords.english",
					"conversations.optOutKeywords.english[0]", "conversations.extra");
	}

	@Test
	void wrongJsonTypesAreMalformed() {
		assertThat(rejected("{\"conversations\": []}", true)).containsExactly("conversations");
		assertThat(rejected("{\"conversations\": {\"optInKeywords\": {\"en\": \"START\"}, " + "\"autoReplies\": {}}}",
				true))
			.containsExactlyInAnyOrder("conversations.optInKeywords.en", "conversations.autoReplies");
	}

	private static ConversationSettings settings(String json) {
		Result result = SettingsRequestReader.read(Json.mapper().readTree(json));
		assertThat(result).isInstanceOf(Result.Read.class);
		return ((Result.Read) result).settings().conversations();
	}

	private static List<String> rejected(String json, boolean malformed) {
		Result result = SettingsRequestReader.read(Json.mapper().readTree(json));
		assertThat(result).isInstanceOf(Result.Rejected.class);
		Result.Rejected rejected = (Result.Rejected) result;
		assertThat(rejected.malformed()).isEqualTo(malformed);
		return rejected.problems().stream().map(SettingsRequestReader.Problem::field).toList();
	}

}
