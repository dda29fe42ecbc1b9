package com.waplatform.simulator.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.SendMessageResponse;
import com.waplatform.common.meta.SendMessageResponse.Contact;
import com.waplatform.common.meta.SendMessageResponse.SentMessage;
import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.conversations.CustomerWindows;
import com.waplatform.simulator.faults.BareHttpError;
import com.waplatform.simulator.faults.ConnectionReset;
import com.waplatform.simulator.faults.Fault;
import com.waplatform.simulator.faults.Faults;
import com.waplatform.simulator.graph.GraphErrors;
import com.waplatform.simulator.graph.GraphException;
import com.waplatform.simulator.graph.Wamids;
import com.waplatform.simulator.ledger.Ledger;
import com.waplatform.simulator.ledger.LedgerEntry;
import com.waplatform.simulator.media.MediaStore;
import com.waplatform.simulator.media.MediaTypes;
import com.waplatform.simulator.limits.ArrivalTimeFilter;
import com.waplatform.simulator.limits.PairRateLimiter;
import com.waplatform.simulator.limits.ThroughputLimiter;
import com.waplatform.simulator.messages.MessageValidator.ValidRequest;
import com.waplatform.simulator.stats.SimulatorStats;
import com.waplatform.simulator.templates.TemplateStore;
import com.waplatform.simulator.webhooks.StatusWebhooks;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /{version}/{phone-number-id}/messages}. Checks in Meta's order: token
 * (190), number (100/33), request (100, 131008, 131009), throughput (130429), template
 * (132001, 132015, 132016, 132000, 132012, 132005), customer-service window (131047),
 * pair rate (131056), recipient (131026). A media message by id must name a file the
 * simulator holds (131053, with the request checks). Then the fault profile may fail the
 * answer; otherwise the message is recorded in the ledger and its status webhooks are
 * queued.
 */
@RestController
class MessageController {

	private final AccountRegistry accounts;

	private final TemplateStore templates;

	private final UndeliverableNumbers undeliverable;

	private final Ledger ledger;

	private final SimulatorStats stats;

	private final StatusWebhooks statusWebhooks;

	private final ThroughputLimiter throughput;

	private final PairRateLimiter pairs;

	private final CustomerWindows windows;

	private final Faults faults;

	private final SimulatorProperties properties;

	private final MediaStore media;

	MessageController(AccountRegistry accounts, TemplateStore templates, UndeliverableNumbers undeliverable,
			Ledger ledger, SimulatorStats stats, StatusWebhooks statusWebhooks, ThroughputLimiter throughput,
			PairRateLimiter pairs, CustomerWindows windows, Faults faults, SimulatorProperties properties,
			MediaStore media) {
		this.accounts = accounts;
		this.templates = templates;
		this.undeliverable = undeliverable;
		this.ledger = ledger;
		this.stats = stats;
		this.statusWebhooks = statusWebhooks;
		this.throughput = throughput;
		this.pairs = pairs;
		this.windows = windows;
		this.faults = faults;
		this.properties = properties;
		this.media = media;
	}

	@PostMapping("/{version:v\\d+\\.\\d+}/{phoneNumberId}/messages")
	Mono<SendMessageResponse> send(@PathVariable String phoneNumberId,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken,
			@RequestBody(required = false) @Nullable String body, ServerWebExchange exchange) {
		String requestJson = (body != null) ? body : "";
		boolean known = this.accounts.byPhoneNumberId(phoneNumberId).isPresent();
		if (known) {
			this.stats.received(phoneNumberId);
		}
		Mono<SendMessageResponse> answer;
		try {
			answer = process(phoneNumberId, AccountRegistry.token(authorization, accessToken), requestJson, exchange);
		}
		catch (GraphException ex) {
			this.ledger.reject(phoneNumberId, ex.code(), (ex.details() != null) ? ex.details() : ex.getMessage(),
					requestJson);
			this.stats.rejected(phoneNumberId, ex.code());
			answer = Mono.error(ex);
		}
		Duration latency = known ? this.faults.latency(phoneNumberId) : Duration.ZERO;
		return latency.isZero() ? answer : Mono.delay(latency).then(answer);
	}

	private Mono<SendMessageResponse> process(String phoneNumberId, @Nullable String token, String requestJson,
			ServerWebExchange exchange) {
		Account account = this.accounts.authorizePhoneNumber(phoneNumberId, token, "POST");
		if (this.faults.expiredToken(phoneNumberId)) {
			this.stats.fault(phoneNumberId, "expiredToken");
			return Mono.error(GraphErrors.expiredToken());
		}
		MessageValidator validator = new MessageValidator(
				(name, language) -> this.templates.find(account.wabaId(), name, language),
				this.undeliverable::contains);
		ValidRequest request;
		try {
			JsonNode message = parse(requestJson);
			if (MessageValidator.isMarkRead(message)) {
				MessageValidator.validateMarkRead(message);
				this.throughput.acquire(account, ArrivalTimeFilter.arrivedAt(exchange));
				this.ledger.read(phoneNumberId, message.get("message_id").asString(), message.has("typing_indicator"));
				return Mono.just(new SendMessageResponse(null, null, null, true));
			}
			request = validator.validateRequest(message);
			checkMediaId(message, request.type());
		}
		catch (GraphException ex) {
			if (ex.code() != 130429) {
				this.throughput.record(phoneNumberId, ArrivalTimeFilter.arrivedAt(exchange));
			}
			throw ex;
		}
		this.throughput.acquire(account, ArrivalTimeFilter.arrivedAt(exchange));
		AcceptedMessage accepted = validator.withTemplate(request);
		if (!accepted.isTemplate() && account.serviceWindowEnforced()
				&& !this.windows.isOpen(phoneNumberId, accepted.waId(), Instant.now())) {
			throw GraphErrors.reEngagement();
		}
		this.pairs.acquire(account, accepted.waId());
		try {
			validator.checkDeliverable(accepted);
		}
		catch (GraphException ex) {
			this.pairs.refund(account, accepted.waId());
			throw ex;
		}
		return answer(account, accepted, requestJson, exchange);
	}

	private Mono<SendMessageResponse> answer(Account account, AcceptedMessage accepted, String requestJson,
			ServerWebExchange exchange) {
		Fault fault = this.faults.decide(account.phoneNumberId());
		if (fault.kind() != Fault.Kind.NONE) {
			this.stats.fault(account.phoneNumberId(), fault.label());
		}
		if (!fault.accepts()) {
			this.pairs.refund(account, accepted.waId());
		}
		return switch (fault.kind()) {
			case ERROR ->
				Mono.error(GraphErrors.forCode(fault.value(), this.properties.limits().throughputHttpStatus()));
			case HTTP_ERROR -> Mono.error(new BareHttpError(fault.value()));
			case TIMEOUT -> hold();
			case RESET -> reset(exchange);
			case ACCEPT_THEN_TIMEOUT -> {
				accept(account, accepted, requestJson, exchange);
				yield hold();
			}
			case ACCEPT_THEN_RESET -> {
				accept(account, accepted, requestJson, exchange);
				yield reset(exchange);
			}
			case NONE -> Mono.just(accept(account, accepted, requestJson, exchange));
		};
	}

	private SendMessageResponse accept(Account account, AcceptedMessage accepted, String requestJson,
			ServerWebExchange exchange) {
		String wamid = Wamids.next(accepted.waId());
		LedgerEntry entry = this.ledger.accept(wamid, account.phoneNumberId(), accepted.to(), accepted.waId(),
				accepted.type(), accepted.templateName(), accepted.templateLanguage(), accepted.renderedText(),
				accepted.callbackData(), requestJson, accepted.rendered(),
				exchange.getRequest().getHeaders().getFirst("traceparent"));
		this.stats.accepted(account.phoneNumberId());
		this.statusWebhooks.schedule(account, entry, accepted.templateCategory());
		return new SendMessageResponse("whatsapp", List.of(new Contact(accepted.to(), accepted.waId(), null)),
				List.of(new SentMessage(wamid, accepted.isTemplate() ? "accepted" : null)), null);
	}

	/**
	 * No answer until the cap, then a bare 504 (the client normally gave up long before).
	 */
	private Mono<SendMessageResponse> hold() {
		return Mono.delay(this.properties.faults().timeoutCap()).then(Mono.error(new BareHttpError(504)));
	}

	private static Mono<SendMessageResponse> reset(ServerWebExchange exchange) {
		return Mono.defer(() -> {
			ConnectionReset.reset(exchange);
			return Mono.empty();
		});
	}

	/**
	 * A media message by {@code id} must name a file the simulator holds (uploaded, or
	 * received from a customer): else Meta's 131053.
	 */
	private void checkMediaId(JsonNode message, String type) {
		if (!MediaTypes.kinds().contains(type)) {
			return;
		}
		JsonNode id = message.get(type).get("id");
		if (id != null && id.isString() && !this.media.contains(id.asString())) {
			throw GraphErrors.mediaUploadError(type + ".id: unknown media id '" + id.asString()
					+ "' (upload it with POST /{version}/{phone-number-id}/media first)");
		}
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
