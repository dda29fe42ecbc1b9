package com.waplatform.sender.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateResolution;
import com.waplatform.common.template.TemplateValidator;
import com.waplatform.common.template.TemplateViolation;

/**
 * Re-checks a template message against the latest snapshot of its template right before
 * Meta is called. The gateway validated it when it was accepted, but a template can be
 * paused, disabled or changed while the message waits, and the workflow service publishes
 * template sends the gateway never saw. A send Meta would refuse (132001, 132015, 132016,
 * 132000, 132012, 131008, 132005...) fails at once with the same code, without spending
 * the number's throughput or a call.
 * <p>
 * The check only refuses on what it knows: when the account's templates are not loaded
 * here (just after a start) the message is sent unchecked and Meta decides, because
 * refusing on an incomplete view would fail messages Meta would accept.
 */
public final class TemplateRecheck {

	static final int FALLBACK_CODE = TemplateViolation.META_PARAMETER_COUNT_MISMATCH;

	/** Meta's titles of the errors the check prevents (as its Cloud API answers them). */
	private static final Map<Integer, String> TITLES = Map.of(132000,
			"Number of parameters does not match the expected number of params", 132001,
			"Template name does not exist in the translation", 132005, "Translated text too long", 132012,
			"Parameter format does not match format in the created template", 132015, "Template is paused", 132016,
			"Template has been disabled", 132018, "There was an issue with the parameters in your template", 131008,
			"Required parameter is missing", 131009, "Parameter value is not valid");

	private TemplateRecheck() {
	}

	public static TemplateDecision decide(MetaMessage message, TemplateLookup templates) {
		MetaMessage.Template send = message.template();
		if (send == null) {
			return TemplateDecision.send("not a template message");
		}
		String unknown = templates.unknownBecause();
		if (unknown != null) {
			return TemplateDecision.unchecked(unknown);
		}
		String language = (send.language() != null) ? send.language().code() : null;
		if (send.name() == null || send.name().isBlank() || language == null || language.isBlank()) {
			return fail(List.of(new TemplateViolation("template", TemplateViolation.COMPONENT_INVALID,
					"a template send needs a name and a language code",
					TemplateViolation.META_REQUIRED_PARAMETER_MISSING)));
		}
		Optional<MessageTemplate> template = templates.find(send.name(), language);
		if (template.isEmpty()) {
			// the exact language only: the sender sends what it was given, a fallback was
			// applied (or not) when the message was accepted
			TemplateResolution resolution = templates.catalog().resolve(send.name(), language);
			if (resolution instanceof TemplateResolution.NotFound notFound) {
				return fail(List.of(notFound.violation()));
			}
			template = Optional.of(((TemplateResolution.Found) resolution).template());
		}
		List<TemplateViolation> violations = TemplateValidator.validate(template.get(), send);
		if (!violations.isEmpty()) {
			return fail(violations);
		}
		return TemplateDecision.send("template " + send.name() + " (" + language + ") checked");
	}

	private static TemplateDecision fail(List<TemplateViolation> violations) {
		int code = violations.stream()
			.map(TemplateViolation::metaErrorCode)
			.filter((candidate) -> candidate != null)
			.findFirst()
			.orElse(FALLBACK_CODE);
		String details = violations.stream()
			.map((violation) -> violation.field() + ": " + violation.message())
			.collect(Collectors.joining("; "));
		return TemplateDecision.fail(ErrorInfo.of(code, title(code), details), violations);
	}

	/** Meta's title for the code, so a refusal here reads like Meta's own. */
	static String title(int code) {
		return TITLES.getOrDefault(code, "Template send refused");
	}

}
