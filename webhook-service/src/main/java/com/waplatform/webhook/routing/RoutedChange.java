package com.waplatform.webhook.routing;

import java.util.UUID;

import com.waplatform.common.meta.WebhookPayload;

/**
 * One {@code entry[].changes[]} element of a webhook, with where it came from.
 *
 * @param webhookEventId the {@code WebhookReceived} event that carried it
 * @param wabaId the entry's id (the WhatsApp Business Account)
 * @param organizationId the organization owning the change's phone number or WABA
 * @param change the field and its raw value
 */
public record RoutedChange(UUID webhookEventId, String wabaId, String organizationId, WebhookPayload.Change change) {

	public String field() {
		return this.change.field();
	}

}
