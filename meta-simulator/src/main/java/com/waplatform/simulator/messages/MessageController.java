package com.waplatform.simulator.messages;

import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.SendMessageResponse;
import com.waplatform.common.meta.SendMessageResponse.Contact;
import com.waplatform.common.meta.SendMessageResponse.SentMessage;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.graph.GraphErrors;
import com.waplatform.simulator.graph.GraphException;
import com.waplatform.simulator.graph.Wamids;
import com.waplatform.simulator.ledger.Ledger;
import com.waplatform.simulator.ledger.LedgerEntry;
import com.waplatform.simulator.templates.TemplateStore;
import com.waplatform.simulator.webhooks.StatusWebhooks;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /{version}/{phone-number-id}/messages}: checks the token, validates like
 * Meta, records the outcome in the ledger and queues the status webhooks.
 */
@RestController
class MessageController {

	private final AccountRegistry accounts;

	private final TemplateStore templates;

	private final UndeliverableNumbers undeliverable;

	private final Ledger ledger;

	private final MessageMetrics metrics;

	private final StatusWebhooks statusWebhooks;

	MessageController(AccountRegistry accounts, TemplateStore templates, UndeliverableNumbers undeliverable,
			Ledger ledger, MessageMetrics metrics, StatusWebhooks statusWebhooks) {
		this.accounts = accounts;
		this.templates = templates;
		this.undeliverable = undeliverable;
		this.ledger = ledger;
		this.metrics = metrics;
		this.statusWebhooks = statusWebhooks;
	}

	@PostMapping("/{version:v\\d+\\.\\d+}/{phoneNumberId}/messages")
	SendMessageResponse send(@PathVariable String phoneNumberId,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken,
			@RequestBody(required = false) @Nullable String body) {
		String requestJson = (body != null) ? body : "";
		try {
			Account account = this.accounts.authorizePhoneNumber(phoneNumberId,
					AccountRegistry.token(authorization, accessToken), "POST");
			JsonNode message = parse(requestJson);
			if (MessageValidator.isMarkRead(message)) {
				MessageValidator.validateMarkRead(message);
				return new SendMessageResponse(null, null, null, true);
			}
			return accept(account, message, requestJson);
		}
		catch (GraphException ex) {
			this.ledger.reject(phoneNumberId, ex.code(), (ex.details() != null) ? ex.details() : ex.getMessage(),
					requestJson);
			this.metrics.rejected(phoneNumberId, ex.code());
			throw ex;
		}
	}

	private SendMessageResponse accept(Account account, JsonNode message, String requestJson) {
		MessageValidator validator = new MessageValidator(
				(name, language) -> this.templates.find(account.wabaId(), name, language),
				this.undeliverable::contains);
		AcceptedMessage accepted = validator.validate(message);
		String wamid = Wamids.next(accepted.waId());
		LedgerEntry entry = this.ledger.accept(wamid, account.phoneNumberId(), accepted.to(), accepted.waId(),
				accepted.type(), accepted.templateName(), accepted.templateLanguage(), accepted.renderedText(),
				accepted.callbackData(), requestJson);
		this.metrics.accepted(account.phoneNumberId());
		this.statusWebhooks.schedule(account, entry, accepted.templateCategory());
		return new SendMessageResponse("whatsapp", List.of(new Contact(accepted.to(), accepted.waId(), null)),
				List.of(new SentMessage(wamid, accepted.isTemplate() ? "accepted" : null)), null);
	}

	private static JsonNode parse(String requestJson) {
		JsonNode message;
		try {
			message = Json.mapper().readTree(requestJson);
		}
		catch (JacksonException ex) {
			throw GraphErrors.invalidParameter("The request body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (message == null || !message.isObject()) {
			throw GraphErrors.invalidParameter("The request body must be a JSON object");
		}
		return message;
	}

}
