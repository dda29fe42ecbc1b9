package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;

/**
 * Decides a template send against the account's templates: finds the template by name and
 * exact language (another language only through the organization's configured fallbacks,
 * never silently), expands our parameter shorthand for it and validates the result with
 * common-model's {@link TemplateValidator}.
 */
public final class TemplateCheck {

	private TemplateCheck() {
	}

	/**
	 * @param requested the template as asked for (name, language, components if given)
	 * @param arguments the parameters and components given
	 * @param fallbacks the organization's language fallbacks, e.g. {@code en → en_US}
	 */
	public static TemplateDecision check(TemplateCatalog catalog, MetaMessage.Template requested,
			TemplateArguments arguments, Map<String, String> fallbacks) {
		String language = requested.language().code();
		TemplateResolution resolution = catalog.resolve(requested.name(), language, fallbacks);
		if (resolution instanceof TemplateResolution.NotFound notFound) {
			return new TemplateDecision.Refused(List.of(notFound.violation()));
		}
		MessageTemplate template = ((TemplateResolution.Found) resolution).template();
		List<Component> components = arguments.componentsFor(template);
		MetaMessage.Template send = new MetaMessage.Template(template.name(),
				new MetaMessage.Language(template.language(), requested.language().policy()),
				components.isEmpty() ? null : components);
		List<TemplateViolation> violations = TemplateValidator.validate(template, send);
		if (!violations.isEmpty()) {
			return new TemplateDecision.Refused(violations);
		}
		String fallback = template.language().equals(language) ? null
				: fallbackChain(language, template.language(), fallbacks);
		return new TemplateDecision.Sendable(template, send, fallback);
	}

	/** {@code en_GB→en→en_US}: the fallbacks followed from the requested language. */
	static String fallbackChain(String from, String to, Map<String, String> fallbacks) {
		List<String> chain = new ArrayList<>(List.of(from));
		String current = from;
		while (!current.equals(to) && fallbacks.containsKey(current) && chain.size() <= fallbacks.size()) {
			current = fallbacks.get(current);
			chain.add(current);
		}
		return String.join("→", chain);
	}

}
