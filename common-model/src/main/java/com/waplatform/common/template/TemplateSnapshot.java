package com.waplatform.common.template;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.meta.MessageTemplate;
import org.jspecify.annotations.Nullable;

/**
 * The latest known version of one template in one language of one WhatsApp Business
 * Account.
 *
 * @param template the template as Meta lists it
 * @param version a content hash; equal versions mean nothing changed
 * @param statusReason why the template has its status, for operators (Meta's reason from
 * the status webhook, disable or rejection info); absent when Meta gave none
 */
public record TemplateSnapshot(UUID eventId, Instant occurredAt, String organizationId, String wabaId,
		MessageTemplate template, String version, @Nullable String statusReason) implements TemplateSyncEvent {

	public static TemplateSnapshot of(String organizationId, String wabaId, MessageTemplate template, String version) {
		return of(organizationId, wabaId, template, version, null);
	}

	public static TemplateSnapshot of(String organizationId, String wabaId, MessageTemplate template, String version,
			@Nullable String statusReason) {
		return new TemplateSnapshot(UUID.randomUUID(), Instant.now(), organizationId, wabaId, template, version,
				statusReason);
	}

	public static String keyOf(String wabaId, String name, String language) {
		return wabaId + ":" + name + ":" + language;
	}

	@Override
	public String key() {
		return keyOf(this.wabaId, this.template.name(), this.template.language());
	}

}
