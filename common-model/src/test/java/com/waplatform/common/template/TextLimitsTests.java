package com.waplatform.common.template;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Meta's text limits, counted in code points everywhere. */
class TextLimitsTests {

	static Stream<Arguments> lengths() {
		return Stream.of(arguments("plain", "Hello", 5), arguments("accented (precomposed)", "Olá, José", 9),
				// U+1F600: one code point, two UTF-16 units
				arguments("emoji outside the BMP", "\uD83D\uDE00\uD83D\uDE00", 2),
				// e + U+0301 combining acute: two code points, one glyph
				arguments("combining accent", "e\u0301", 2), arguments("empty", "", 0));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lengths")
	void lengthsAreCodePoints(String description, String text, int length) {
		assertThat(TextLimits.length(text)).isEqualTo(length);
	}

	static Stream<Arguments> verdicts() {
		String emoji = "\uD83D\uDE00";
		return Stream.of(arguments("header at 60", "h".repeat(60), TextLimits.HEADER_TEXT, true),
				arguments("header at 61", "h".repeat(61), TextLimits.HEADER_TEXT, false),
				arguments("header of 60 emoji (120 UTF-16 units)", emoji.repeat(60), TextLimits.HEADER_TEXT, true),
				arguments("header of 61 emoji", emoji.repeat(61), TextLimits.HEADER_TEXT, false),
				arguments("body at 1024", "b".repeat(1024), TextLimits.BODY_TEXT, true),
				arguments("body of 1024 emoji", emoji.repeat(1024), TextLimits.BODY_TEXT, true),
				arguments("body at 1025", "b".repeat(1025), TextLimits.BODY_TEXT, false),
				arguments("footer at 60", "f".repeat(60), TextLimits.FOOTER_TEXT, true),
				arguments("footer at 61", "f".repeat(61), TextLimits.FOOTER_TEXT, false),
				arguments("button text at 25", emoji.repeat(25), TextLimits.BUTTON_TEXT, true),
				arguments("button text at 26", "y".repeat(26), TextLimits.BUTTON_TEXT, false),
				arguments("URL at 2000", "u".repeat(2000), TextLimits.BUTTON_URL, true),
				arguments("URL at 2001", "u".repeat(2001), TextLimits.BUTTON_URL, false),
				arguments("no text", null, TextLimits.HEADER_TEXT, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("verdicts")
	void limitsAreMetasAndCountCodePoints(String description, @Nullable String text, int limit, boolean fits) {
		assertThat(TextLimits.fits(text, limit)).isEqualTo(fits);
	}

	@Test
	void theBodyMayBeLongerWhenItIsTheOnlyComponent() {
		assertThat(TextLimits.hydratedBody(false)).isEqualTo(1024);
		assertThat(TextLimits.hydratedBody(true)).isEqualTo(32768);
	}

}
