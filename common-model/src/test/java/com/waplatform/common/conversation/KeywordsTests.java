package com.waplatform.common.conversation;

import java.util.List;
import java.util.Map;

import com.waplatform.common.conversation.OptOutKeywords.Consent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTests {

	@Test
	void aKeywordIsTheWholeMessageWhateverItsCaseAccentsAndTrailingPunctuation() {
		assertThat(Keywords.matches("stop", "STOP")).isTrue();
		assertThat(Keywords.matches("  Stop!  ", "STOP")).isTrue();
		assertThat(Keywords.matches("arret", "ARRÊT")).isTrue();
		assertThat(Keywords.matches("Arrêt.", "ARRÊT")).isTrue();
		assertThat(Keywords.matches("please don't stop the tour", "STOP")).isFalse();
		assertThat(Keywords.matches("STOPPED", "STOP")).isFalse();
		assertThat(Keywords.matches("", "STOP")).isFalse();
		assertThat(Keywords.matches(null, "STOP")).isFalse();
	}

	@Test
	void theDefaultsKnowStopAndStartInFiveLanguages() {
		for (String word : List.of("STOP", "unsubscribe", "Parar", "baja", "ARRÊT", "stopp")) {
			assertThat(OptOutKeywords.match(word, null)).as(word)
				.hasValueSatisfying((match) -> assertThat(match.consent()).isEqualTo(Consent.OPT_OUT));
		}
		for (String word : List.of("START", "subscribe", "alta", "Commencer")) {
			assertThat(OptOutKeywords.match(word, null)).as(word)
				.hasValueSatisfying((match) -> assertThat(match.consent()).isEqualTo(Consent.OPT_IN));
		}
		assertThat(OptOutKeywords.match("Thanks, booked it!", null)).isEmpty();
	}

	@Test
	void anOrganizationsOwnListsReplaceTheDefaults() {
		ConversationSettings settings = new ConversationSettings(Map.of("en", List.of("NO MORE")),
				Map.of("en", List.of("AGAIN")), null, List.of(), null);
		assertThat(OptOutKeywords.match("no more", settings))
			.contains(new OptOutKeywords.Match(Consent.OPT_OUT, "NO MORE"));
		assertThat(OptOutKeywords.match("again", settings)).contains(new OptOutKeywords.Match(Consent.OPT_IN, "AGAIN"));
		assertThat(OptOutKeywords.match("STOP", settings)).isEmpty();
		assertThat(OptOutKeywords.match("STOP", ConversationSettings.DEFAULTS))
			.contains(new OptOutKeywords.Match(Consent.OPT_OUT, "STOP"));
	}

}
