package com.waplatform.simulator.ledger;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message the simulator accepted.
 *
 * @param sequence order of acceptance, from 1
 * @param wamid the id answered to the sender
 * @param phoneNumberId the business phone number it was sent from
 * @param to the recipient as given in the request
 * @param waId the recipient's WhatsApp id (E.164 digits)
 * @param type text, template, image, interactive, reaction...
 * @param templateName the template's name, for template sends
 * @param templateLanguage the template's language code, for template sends
 * @param renderedText what the customer reads: the text body or the rendered template
 * body
 * @param bizOpaqueCallbackData the sender's {@code biz_opaque_callback_data}
 * @param receivedAt when it was accepted
 * @param requestJson the request body as received
 * @param rendered what the customer sees, structured (template and text messages)
 */
public record LedgerEntry(long sequence, String wamid, String phoneNumberId, String to, String waId, String type,
		@Nullable String templateName, @Nullable String templateLanguage, @Nullable String renderedText,
		@Nullable String bizOpaqueCallbackData, Instant receivedAt, String requestJson,
		@Nullable RenderedMessage rendered, @Nullable String traceparent) {

}
