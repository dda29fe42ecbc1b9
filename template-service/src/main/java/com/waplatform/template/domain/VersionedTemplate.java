package com.waplatform.template.domain;

import com.waplatform.common.meta.MessageTemplate;

/** A template with its {@link TemplateVersion}. */
public record VersionedTemplate(MessageTemplate template, String version) {

	public static VersionedTemplate of(MessageTemplate template) {
		return new VersionedTemplate(template, TemplateVersion.of(template));
	}

	public TemplateKey key() {
		return TemplateKey.of(this.template);
	}

}
