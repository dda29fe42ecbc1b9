package com.waplatform.simulator.messages;

import com.waplatform.simulator.ledger.RenderedMessage;
import org.jspecify.annotations.Nullable;

/**
 * A send that passed validation.
 *
 * @param type the message type
 * @param to the recipient as given
 * @param e164 the recipient, normalized
 * @param waId the recipient's WhatsApp id (E.164 digits)
 * @param templateName the template's name (template sends)
 * @param templateLanguage the template's language (template sends)
 * @param templateCategory the template's category, e.g. UTILITY (template sends)
 * @param renderedText the text body, or the template body with its parameters
 * @param callbackData {@code biz_opaque_callback_data}
 * @param rendered what the customer sees, structured (template and text messages)
 */
record AcceptedMessage(String type, String to, String e164, String waId, @Nullable String templateName,
		@Nullable String templateLanguage, @Nullable String templateCategory, @Nullable String renderedText,
		@Nullable String callbackData, @Nullable RenderedMessage rendered) {

	boolean isTemplate() {
		return this.templateName != null;
	}

}
