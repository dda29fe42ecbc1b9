package com.waplatform.template.domain;

import com.waplatform.common.meta.MessageTemplate;

/**
 * Stored rows of templates (the templates themselves come from common-model's shared
 * {@code TemplateFixtures}).
 */
final class StoredTemplateFixtures {

	private StoredTemplateFixtures() {
	}

	static StoredTemplate stored(String organizationId, MessageTemplate template) {
		return new StoredTemplate(organizationId, template, TemplateVersion.of(template));
	}

}
