package com.waplatform.template.domain;

import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MessageTemplate.Component;

/** Templates shaped like Meta's. */
final class TemplateFixtures {

	private TemplateFixtures() {
	}

	static MessageTemplate approved(String name, String language) {
		return template(name, language, "APPROVED");
	}

	static MessageTemplate template(String name, String language, String status) {
		return new MessageTemplate("id-" + name, name, language, status, "UTILITY", "POSITIONAL",
				List.of(new Component("BODY", null, "Hello {{1}}",
						Json.mapper().readTree("{\"body_text\":[[\"Ana\"]]}"), null)),
				new MessageTemplate.QualityScore("GREEN", null), null, null);
	}

	static MessageTemplate withStatus(MessageTemplate t, String status) {
		return new MessageTemplate(t.id(), t.name(), t.language(), status, t.category(), t.parameterFormat(),
				t.components(), t.qualityScore(), t.rejectedReason(), t.subCategory());
	}

	static StoredTemplate stored(String organizationId, MessageTemplate template) {
		return new StoredTemplate(organizationId, template, TemplateVersion.of(template));
	}

}
