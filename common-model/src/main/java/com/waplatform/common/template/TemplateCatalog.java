package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.waplatform.common.meta.MessageTemplate;

/**
 * The templates of one WhatsApp Business Account, looked up by name and exact language
 * code as Meta does (132001 when the name does not exist in that language). An
 * organization may configure a language fallback (e.g. {@code en → en_US}); only then is
 * another language used, and the result says so.
 */
public final class TemplateCatalog {

	private final List<MessageTemplate> templates;

	private TemplateCatalog(List<MessageTemplate> templates) {
		this.templates = templates;
	}

	public static TemplateCatalog of(Collection<MessageTemplate> templates) {
		return new TemplateCatalog(List.copyOf(templates));
	}

	/** The languages {@code name} exists in, sorted. */
	public List<String> languages(String name) {
		return this.templates.stream()
			.filter((template) -> template.name().equals(name))
			.map(MessageTemplate::language)
			.distinct()
			.sorted()
			.toList();
	}

	public Optional<MessageTemplate> find(String name, String language) {
		return this.templates.stream()
			.filter((template) -> template.name().equals(name) && template.language().equals(language))
			.findFirst();
	}

	/** The template in exactly {@code language}, no fallback. */
	public TemplateResolution resolve(String name, String language) {
		return resolve(name, language, Map.of());
	}

	/**
	 * The template in {@code language}, else in the language {@code fallbacks} maps it to
	 * (followed transitively, e.g. {@code en_GB → en → en_US}).
	 */
	public TemplateResolution resolve(String name, String language, Map<String, String> fallbacks) {
		Set<String> tried = new LinkedHashSet<>();
		String candidate = language;
		while (candidate != null && tried.add(candidate)) {
			Optional<MessageTemplate> found = find(name, candidate);
			if (found.isPresent()) {
				String note = candidate.equals(language) ? null
						: "template '" + name + "' has no '" + language + "' version; using '" + candidate
								+ "' per the organization's language fallback " + String.join(" → ", tried);
				return new TemplateResolution.Found(found.get(), language, note);
			}
			candidate = fallbacks.get(candidate);
		}
		return notFound(name, language, new ArrayList<>(tried));
	}

	private TemplateResolution notFound(String name, String language, List<String> tried) {
		List<String> available = languages(name);
		if (available.isEmpty()) {
			return new TemplateResolution.NotFound(
					new TemplateViolation("template.name", TemplateViolation.TEMPLATE_NOT_FOUND,
							"template '" + name + "' does not exist in this WhatsApp Business Account",
							TemplateViolation.META_TEMPLATE_NOT_FOUND),
					available);
		}
		String triedText = (tried.size() > 1)
				? "'" + language + "' nor in its fallback " + String.join(", ", tried.subList(1, tried.size()))
				: "'" + language + "'";
		return new TemplateResolution.NotFound(new TemplateViolation("template.language.code",
				TemplateViolation.TEMPLATE_NOT_FOUND, "template '" + name + "' does not exist in " + triedText
						+ "; available languages: " + String.join(", ", available),
				TemplateViolation.META_TEMPLATE_NOT_FOUND), available);
	}

}
