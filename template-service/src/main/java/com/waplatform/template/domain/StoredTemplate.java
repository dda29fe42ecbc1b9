package com.waplatform.template.domain;

import com.waplatform.common.meta.MessageTemplate;

/** What the service last stored (and published) for one template. */
public record StoredTemplate(String organizationId, MessageTemplate template, String version) {

	/**
	 * The status of a template Meta reports as deleted, and of one that disappeared from
	 * Meta's list.
	 */
	public static final String DELETED = "DELETED";

	public TemplateKey key() {
		return TemplateKey.of(this.template);
	}

	public boolean deleted() {
		return DELETED.equals(this.template.status());
	}

	/** The same template marked {@code DELETED}, with its new version. */
	public VersionedTemplate asDeleted() {
		MessageTemplate t = this.template;
		return VersionedTemplate.of(new MessageTemplate(t.id(), t.name(), t.language(), DELETED, t.category(),
				t.parameterFormat(), t.components(), t.qualityScore(), t.rejectedReason(), t.subCategory()));
	}

}
