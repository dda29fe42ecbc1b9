package com.waplatform.common.conversation;

import java.text.Normalizer;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a customer's words are compared with a keyword: the whole message, trimmed,
 * case-insensitive, accents and trailing punctuation ignored ({@code "Stop!"},
 * {@code " arret "} and {@code "ARRÊT"} all match {@code ARRÊT}). Keywords are whole
 * messages on purpose: "please don't stop the tour" is not an opt-out.
 */
public final class Keywords {

	private Keywords() {
	}

	public static String normalize(@Nullable String words) {
		if (words == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(words.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return decomposed.replaceAll("[\\p{Punct}\\s]+$", "")
			.replaceAll("^[\\p{Punct}\\s]+", "")
			.toUpperCase(Locale.ROOT);
	}

	public static boolean matches(@Nullable String words, String keyword) {
		String normalized = normalize(words);
		return !normalized.isEmpty() && normalized.equals(normalize(keyword));
	}

}
