package com.waplatform.sender.domain;

import java.util.List;
import java.util.Optional;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateCatalog;
import org.jspecify.annotations.Nullable;

/**
 * What this instance knows of the templates of one WhatsApp Business Account: the latest
 * snapshot of each template and language, or why it cannot tell (the account's templates
 * have not been loaded yet).
 */
public interface TemplateLookup {

	/**
	 * Why the account's templates cannot be relied on (e.g. still loading after a start),
	 * or {@code null} when they can.
	 */
	@Nullable String unknownBecause();

	/** The template in exactly this language (a map lookup: runs per message). */
	Optional<MessageTemplate> find(String name, String language);

	/**
	 * Every template of the account, to explain a miss (which languages exist). Only
	 * asked when the template is not found.
	 */
	TemplateCatalog catalog();

	/** An account whose templates are not known here. */
	static TemplateLookup unknown(String because) {
		return new TemplateLookup() {

			@Override
			public String unknownBecause() {
				return because;
			}

			@Override
			public Optional<MessageTemplate> find(String name, String language) {
				return Optional.empty();
			}

			@Override
			public TemplateCatalog catalog() {
				return TemplateCatalog.of(List.of());
			}

		};
	}

	/** An account whose templates are known: those of the catalog. */
	static TemplateLookup of(TemplateCatalog catalog) {
		return new TemplateLookup() {

			@Override
			public @Nullable String unknownBecause() {
				return null;
			}

			@Override
			public Optional<MessageTemplate> find(String name, String language) {
				return catalog.find(name, language);
			}

			@Override
			public TemplateCatalog catalog() {
				return catalog;
			}

		};
	}

}
