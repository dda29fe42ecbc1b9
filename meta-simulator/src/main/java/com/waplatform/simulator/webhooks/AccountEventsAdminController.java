package com.waplatform.simulator.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.webhooks.InboundPoster.Customer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static com.waplatform.simulator.webhooks.InboundMessages.bad;
import static com.waplatform.simulator.webhooks.InboundMessages.text;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Webhooks that are not messages, posted signed in Meta's shapes:
 * {@code POST /admin/user-preferences} (a customer stops or resumes marketing messages:
 * {@code user_preferences}) and {@code POST /admin/account-events} (the number's quality
 * and messaging limit, its display name, the business's capabilities, the account's
 * state).
 */
@RestController
class AccountEventsAdminController {

	/** The account-level fields Meta posts that the platform follows. */
	static final Set<String> ACCOUNT_FIELDS = Set.of("phone_number_quality_update", "phone_number_name_update",
			"business_capability_update", "account_update");

	/** Fields whose value names the business number. */
	private static final Set<String> NUMBER_FIELDS = Set.of("phone_number_quality_update", "phone_number_name_update");

	private static final Map<String, String> DETAILS = Map.of("stop", "User requested to stop marketing messages",
			"resume", "User requested to resume marketing messages");

	private final AccountRegistry accounts;

	private final WebhookSender sender;

	AccountEventsAdminController(AccountRegistry accounts, WebhookSender sender) {
		this.accounts = accounts;
		this.sender = sender;
	}

	/**
	 * {@code {"phoneNumberId","from"|"fromUserId","value":"stop"|"resume","name"?}}.
	 */
	@PostMapping("/admin/user-preferences")
	Mono<Map<String, Object>> userPreference(@RequestBody JsonNode request) {
		Account account = account(request);
		String value = text(request, "value");
		if (value == null || !DETAILS.containsKey(value)) {
			throw bad("value must be stop or resume");
		}
		Customer customer = InboundAdminController.customer(request);
		ObjectNode preference = WebhookPayloads.MAPPER.createObjectNode();
		if (customer.waId() != null) {
			preference.put("wa_id", customer.waId());
		}
		else {
			// a BSUID-only customer (with a phone number, the BSUID is in contacts only)
			preference.put("user_id", customer.userId());
		}
		preference.put("detail", DETAILS.get(value));
		preference.put("category", "marketing_messages");
		preference.put("value", value);
		preference.put("timestamp", Instant.now().getEpochSecond());
		return post(account, WebhookPayloads.userPreference(account, customer.contact(), preference),
				"user_preferences");
	}

	/**
	 * {@code {"phoneNumberId","field","value":{...}}}: {@code value} as Meta posts it
	 * (e.g. {@code {"event":"FLAGGED","current_limit":"TIER_10K"}}); the business
	 * number's {@code display_phone_number} is filled in for the number's own fields.
	 */
	@PostMapping("/admin/account-events")
	Mono<Map<String, Object>> accountEvent(@RequestBody JsonNode request) {
		Account account = account(request);
		String field = text(request, "field");
		if (field == null || !ACCOUNT_FIELDS.contains(field)) {
			throw bad("field must be one of " + ACCOUNT_FIELDS);
		}
		if (!(request.get("value") instanceof ObjectNode given)) {
			throw bad("value (the change's value, as Meta posts it) is required");
		}
		ObjectNode value = given.deepCopy();
		if (NUMBER_FIELDS.contains(field) && !value.has("display_phone_number")) {
			value.put("display_phone_number", InboundMessages.digits(account.displayPhoneNumber()));
		}
		return post(account, WebhookPayloads.accountChange(account, field, value, Instant.now()), field);
	}

	private Mono<Map<String, Object>> post(Account account, byte[] body, String kind) {
		Optional<URI> target = this.sender.target(account);
		Mono<Boolean> delivered = target.map((url) -> this.sender.post(url, account, body, kind))
			.orElse(Mono.just(false));
		return delivered.map((ok) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("field", kind);
			result.put("delivered", ok);
			target.ifPresent((url) -> result.put("webhook_url", url.toString()));
			return result;
		});
	}

	private Account account(JsonNode request) {
		String phoneNumberId = text(request, "phoneNumberId");
		if (phoneNumberId == null) {
			throw bad("phoneNumberId is required");
		}
		return this.accounts.byPhoneNumberId(phoneNumberId)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown phone number id " + phoneNumberId));
	}

}
