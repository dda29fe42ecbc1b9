package com.waplatform.simulator.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.conversations.CustomerWindows;
import com.waplatform.simulator.graph.Wamids;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Posts a customer's message as Meta's signed {@code messages} webhook and opens (or
 * renews) the customer's 24-hour window; answers once delivered or given up on.
 */
@Component
class InboundPoster {

	private final CustomerWindows windows;

	private final WebhookSender sender;

	InboundPoster(CustomerWindows windows, WebhookSender sender) {
		this.windows = windows;
		this.sender = sender;
	}

	/**
	 * @param message Meta's message object less {@code from}, {@code from_user_id},
	 * {@code id} and {@code timestamp}
	 */
	Mono<Map<String, Object>> post(Account account, Customer customer, ObjectNode message, @Nullable String mediaId) {
		Instant now = Instant.now();
		String wamid = Wamids.next((customer.waId() != null) ? customer.waId() : customer.userId());
		ObjectNode full = WebhookPayloads.MAPPER.createObjectNode();
		if (message.has("context")) {
			full.set("context", message.get("context"));
		}
		if (customer.waId() != null) {
			full.put("from", customer.waId());
		}
		if (customer.userId() != null) {
			full.put("from_user_id", customer.userId());
		}
		full.put("id", wamid);
		full.put("timestamp", Long.toString(now.getEpochSecond()));
		message.properties().forEach((field) -> {
			if (!"context".equals(field.getKey())) {
				full.set(field.getKey(), field.getValue());
			}
		});
		String type = full.path("type").asString("");
		// a system message (the customer changed number...) is Meta's, not the customer's
		if (!"system".equals(type)) {
			this.windows.customerWrote(account.phoneNumberId(), customer.key(), now);
		}
		byte[] body = WebhookPayloads.inbound(account, customer.contact(), full);
		Optional<URI> target = this.sender.target(account);
		Mono<Boolean> delivered = target.map((url) -> this.sender.post(url, account, body, "inbound"))
			.orElse(Mono.just(false));
		return delivered.map((ok) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("id", wamid);
			if (customer.waId() != null) {
				result.put("wa_id", customer.waId());
			}
			if (customer.userId() != null) {
				result.put("user_id", customer.userId());
			}
			result.put("type", type);
			if (mediaId != null) {
				result.put("media_id", mediaId);
			}
			result.put("delivered", ok);
			target.ifPresent((url) -> result.put("webhook_url", url.toString()));
			return result;
		});
	}

	/**
	 * Who writes: a phone number's wa_id, a business-scoped user id (BSUID), or both.
	 */
	record Customer(@Nullable String waId, @Nullable String userId, String name) {

		/** The key of the customer's window: the wa_id, else the BSUID. */
		String key() {
			return (this.waId != null) ? this.waId : this.userId;
		}

		ObjectNode contact() {
			ObjectNode contact = WebhookPayloads.MAPPER.createObjectNode();
			contact.putObject("profile").put("name", this.name);
			if (this.waId != null) {
				contact.put("wa_id", this.waId);
			}
			if (this.userId != null) {
				contact.put("user_id", this.userId);
			}
			return contact;
		}

	}

}
