package com.waplatform.template.domain;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateSnapshot;

/**
 * Identifies a template inside one WhatsApp Business Account: Meta allows one template
 * per name and language.
 */
public record TemplateKey(String name, String language) {

	public static TemplateKey of(MessageTemplate template) {
		return new TemplateKey(template.name(), template.language());
	}

	/** The record key on {@code wa.template-sync}. */
	public String recordKey(String wabaId) {
		return TemplateSnapshot.keyOf(wabaId, this.name, this.language);
	}

}
