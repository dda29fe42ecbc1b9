package com.waplatform.common.template;

import java.util.List;

import com.waplatform.common.meta.MessageTemplate;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of looking a template up by name and language in a {@link TemplateCatalog}.
 */
public sealed interface TemplateResolution {

	/**
	 * The template to send.
	 *
	 * @param template the template found; send with {@code language.code} =
	 * {@code template.language()}
	 * @param requestedLanguage the language asked for
	 * @param fallbackNote when the organization's language fallback was used, what was
	 * done (e.g. "no 'en' version; using 'en_US' per the language fallback en→en_US"),
	 * else {@code null}
	 */
	record Found(MessageTemplate template, String requestedLanguage,
			@Nullable String fallbackNote) implements TemplateResolution {

		public boolean fellBack() {
			return this.fallbackNote != null;
		}

	}

	/**
	 * @param violation the 132001 violation naming the available languages
	 * @param availableLanguages the languages the template exists in (empty when the name
	 * is unknown)
	 */
	record NotFound(TemplateViolation violation, List<String> availableLanguages) implements TemplateResolution {
	}

}
