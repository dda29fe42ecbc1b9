package com.waplatform.simulator.webhooks;

import java.util.Map;

import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.ledger.Ledger;
import com.waplatform.simulator.ledger.LedgerEntry;
import com.waplatform.simulator.webhooks.InboundMessages.Built;
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
 * A customer writes to a business number. {@code POST /admin/inbound}: any message type
 * Meta posts ({@code type} and the type's object in Meta's shape; the older
 * {@code {"text":"..."}} form still works), from a phone number ({@code from}) or a
 * business-scoped user id only ({@code fromUserId}), optionally replying to a wamid
 * ({@code context}). {@code POST /admin/inbound/reply}: the customer taps a button of a
 * message the simulator accepted. Both post Meta's signed webhook, open the customer's
 * 24-hour window and answer once the webhook was delivered (or given up on).
 */
@RestController
class InboundAdminController {

	private final AccountRegistry accounts;

	private final InboundMessages messages;

	private final InboundPoster poster;

	private final Ledger ledger;

	InboundAdminController(AccountRegistry accounts, InboundMessages messages, InboundPoster poster, Ledger ledger) {
		this.accounts = accounts;
		this.messages = messages;
		this.poster = poster;
		this.ledger = ledger;
	}

	@PostMapping("/admin/inbound")
	Mono<Map<String, Object>> inbound(@RequestBody JsonNode request) {
		Account account = account(request);
		Customer customer = customer(request);
		Built built = this.messages.build(account, request);
		return this.poster.post(account, customer, built.message(), built.mediaId());
	}

	/**
	 * {@code {"phoneNumberId","wamid","index"|"id","from"?,"name"?}}: the reply a
	 * customer tapping that button produces, in reply to ({@code context}) that message
	 * and from its recipient unless {@code from} says otherwise.
	 */
	@PostMapping("/admin/inbound/reply")
	Mono<Map<String, Object>> reply(@RequestBody JsonNode request) {
		Account account = account(request);
		String wamid = text(request, "wamid");
		if (wamid == null) {
			throw bad("wamid (of a message the simulator accepted) is required");
		}
		LedgerEntry sent = this.ledger.findByWamid(wamid)
			.filter((entry) -> entry.phoneNumberId().equals(account.phoneNumberId()))
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND,
					"No message " + wamid + " accepted from " + account.phoneNumberId()));
		JsonNode index = request.get("index");
		if (index != null && !index.isNull() && !index.isInt()) {
			throw bad("index must be a whole number");
		}
		ObjectNode message;
		try {
			message = ReplyButtons.reply(sent, (index != null && index.isInt()) ? index.asInt() : null,
					text(request, "id"));
		}
		catch (IllegalArgumentException ex) {
			throw bad(ex.getMessage());
		}
		ObjectNode context = WebhookPayloads.MAPPER.createObjectNode();
		context.put("from", InboundMessages.digits(account.displayPhoneNumber()));
		context.put("id", wamid);
		message.set("context", context);
		Customer customer = (text(request, "from") != null || text(request, "fromUserId") != null) ? customer(request)
				: new Customer(sent.waId(), null, name(request));
		return this.poster.post(account, customer, message, null);
	}

	private Account account(JsonNode request) {
		String phoneNumberId = text(request, "phoneNumberId");
		if (phoneNumberId == null || phoneNumberId.isBlank()) {
			throw bad("phoneNumberId is required");
		}
		return this.accounts.byPhoneNumberId(phoneNumberId)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown phone number id " + phoneNumberId));
	}

	static Customer customer(JsonNode request) {
		String from = text(request, "from");
		String userId = text(request, "fromUserId");
		if ((from == null || from.isBlank()) && (userId == null || userId.isBlank())) {
			throw bad("from (the customer's number) or fromUserId (a business-scoped user id) is required");
		}
		String waId = null;
		if (from != null && !from.isBlank()) {
			if (!(PhoneNumbers.normalize(from) instanceof NormalizedPhone.Valid valid)) {
				throw bad("from is not a valid phone number: " + from);
			}
			waId = PhoneNumbers.waId(valid.e164());
		}
		return new Customer(waId, (userId != null && !userId.isBlank()) ? userId : null, name(request));
	}

	private static String name(JsonNode request) {
		String name = text(request, "name");
		return (name != null) ? name : "Simulated Customer";
	}

}
