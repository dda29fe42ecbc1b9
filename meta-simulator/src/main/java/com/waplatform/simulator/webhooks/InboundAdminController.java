package com.waplatform.simulator.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.conversations.CustomerWindows;
import com.waplatform.simulator.graph.Wamids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * {@code POST /admin/inbound}: a customer writes to a business number. Posts Meta's
 * signed inbound text webhook and opens the customer's 24-hour window; answers once the
 * webhook was delivered (or given up on).
 */
@RestController
class InboundAdminController {

	private final AccountRegistry accounts;

	private final CustomerWindows windows;

	private final WebhookSender sender;

	InboundAdminController(AccountRegistry accounts, CustomerWindows windows, WebhookSender sender) {
		this.accounts = accounts;
		this.windows = windows;
		this.sender = sender;
	}

	@PostMapping("/admin/inbound")
	Mono<Map<String, Object>> inbound(@Valid @RequestBody InboundText inbound) {
		Account account = this.accounts.byPhoneNumberId(inbound.phoneNumberId())
			.orElseThrow(
					() -> new ResponseStatusException(NOT_FOUND, "Unknown phone number id " + inbound.phoneNumberId()));
		if (!(PhoneNumbers.normalize(inbound.from()) instanceof NormalizedPhone.Valid valid)) {
			throw new ResponseStatusException(BAD_REQUEST, "from is not a valid phone number: " + inbound.from());
		}
		String waId = PhoneNumbers.waId(valid.e164());
		Instant now = Instant.now();
		String wamid = Wamids.next(waId);
		this.windows.customerWrote(account.phoneNumberId(), waId, now);
		byte[] body = WebhookPayloads.inboundText(account, waId,
				(inbound.name() != null) ? inbound.name() : "Simulated Customer", wamid, inbound.text(), now);
		Optional<URI> target = this.sender.target(account);
		Mono<Boolean> delivered = target.map((url) -> this.sender.post(url, account, body, "inbound"))
			.orElse(Mono.just(false));
		return delivered.map((ok) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("id", wamid);
			result.put("wa_id", waId);
			result.put("delivered", ok);
			target.ifPresent((url) -> result.put("webhook_url", url.toString()));
			return result;
		});
	}

	/**
	 * @param phoneNumberId the business number written to
	 * @param from the customer's number
	 * @param text what the customer wrote
	 * @param name the customer's profile name (optional)
	 */
	record InboundText(@NotBlank String phoneNumberId, @NotBlank String from, @NotBlank String text,
			@Nullable String name) {
	}

}
