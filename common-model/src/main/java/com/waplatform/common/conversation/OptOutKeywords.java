package com.waplatform.common.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Opt-out and opt-in keywords per language, and which one a customer's message is. An
 * organization may set its own lists ({@link ConversationSettings}); these are the
 * defaults: STOP, UNSUBSCRIBE, PARAR, BAJA, ARRÊT, STOPP and their START counterparts.
 */
public final class OptOutKeywords {

	/** Opt-out words by language. */
	public static final Map<String, List<String>> DEFAULT_STOP = Map.of("en", List.of("STOP", "UNSUBSCRIBE"), "es",
			List.of("PARAR", "BAJA"), "pt", List.of("PARAR"), "fr", List.of("ARRÊT"), "de", List.of("STOPP"));

	/** Opt-in words by language. */
	public static final Map<String, List<String>> DEFAULT_START = Map.of("en", List.of("START", "SUBSCRIBE"), "es",
			List.of("ALTA", "INICIAR"), "pt", List.of("INICIAR"), "fr", List.of("COMMENCER"), "de", List.of("START"));

	private OptOutKeywords() {
	}

	/** What a message says about the customer's consent. */
	public enum Consent {

		OPT_OUT, OPT_IN

	}

	/** The keyword this message is, with the consent it gives. */
	public record Match(Consent consent, String keyword) {
	}

	/**
	 * Which keyword the customer's words are, if any, by the organization's lists (or the
	 * defaults when it set none).
	 */
	public static Optional<Match> match(@Nullable String words, @Nullable ConversationSettings settings) {
		Map<String, List<String>> stop = (settings != null && !settings.optOutKeywords().isEmpty())
				? settings.optOutKeywords() : DEFAULT_STOP;
		Map<String, List<String>> start = (settings != null && !settings.optInKeywords().isEmpty())
				? settings.optInKeywords() : DEFAULT_START;
		Optional<String> out = find(words, stop);
		if (out.isPresent()) {
			return Optional.of(new Match(Consent.OPT_OUT, out.get()));
		}
		return find(words, start).map((keyword) -> new Match(Consent.OPT_IN, keyword));
	}

	private static Optional<String> find(@Nullable String words, Map<String, List<String>> byLanguage) {
		return byLanguage.values()
			.stream()
			.flatMap(List::stream)
			.filter((keyword) -> Keywords.matches(words, keyword))
			.findFirst();
	}

}
