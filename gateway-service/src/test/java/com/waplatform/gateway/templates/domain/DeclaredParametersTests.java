package com.waplatform.gateway.templates.domain;

import java.util.List;

import com.waplatform.gateway.TemplateFixtures;
import com.waplatform.gateway.templates.domain.DeclaredParameters.Declared;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredParametersTests {

	@Test
	void positionalTemplateDeclaresItsBodyVariablesAndButtons() {
		DeclaredParameters declared = DeclaredParameters.of(TemplateFixtures.bookingReminder());
		assertThat(declared.parameterFormat()).isEqualTo("POSITIONAL");
		assertThat(declared.components()).containsExactly(new Declared("HEADER", "TEXT", null, null, List.of()),
				new Declared("BODY", null, null, null, List.of("1", "2", "3", "4")),
				new Declared("BUTTON", null, 0, "QUICK_REPLY", List.of()),
				new Declared("BUTTON", null, 1, "QUICK_REPLY", List.of()));
	}

	@Test
	void mediaHeaderNamesNoParameterAndUrlButtonsDeclareTheirSuffix() {
		DeclaredParameters declared = DeclaredParameters.of(TemplateFixtures.tourTicket());
		assertThat(declared.components()).containsExactly(new Declared("HEADER", "IMAGE", null, null, List.of()),
				new Declared("BODY", null, null, null, List.of("1", "2")),
				new Declared("BUTTON", null, 0, "URL", List.of("1")));
	}

	@Test
	void namedFormatIsTakenFromMetaOrFromThePlaceholders() {
		assertThat(DeclaredParameters.of(TemplateFixtures.bookingConfirmed()).components())
			.containsExactly(new Declared("BODY", null, null, null, List.of("first_name", "booking_id")));
		assertThat(DeclaredParameters.placeholders("Hi {{ first_name }}, {{first_name}} again, {{2}}"))
			.containsExactly("first_name", "2");
	}

}
