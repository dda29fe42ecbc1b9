package com.waplatform.gateway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Set;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.gateway.config.WebhookProperties;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.RawBodies;
import com.waplatform.gateway.web.Routes;
import com.waplatform.gateway.webhooks.WebhookTenants.Tenant;
import com.waplatform.support.kafka.EventPublisher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Meta's webhook endpoint. The subscription handshake echoes the challenge when the
 * verify token matches. A notification is attributed to the one organization owning the
 * accounts its entries name ({@link Attribution}), verified on its raw bytes with that
 * organization's app secret only, then appended unchanged to {@code wa.webhook-events}
 * (keyed by WABA id, carrying that organization); the 200 is sent only once the broker
 * acknowledged, so Meta redelivers whatever we could not store.
 */
@RestController
class WebhookController {

	private static final Logger logger = LoggerFactory.getLogger(WebhookController.class);

	private final WebhookProperties properties;

	private final WebhookTenants tenants;

	private final EventPublisher publisher;

	private final WebhookMetrics metrics;

	WebhookController(WebhookProperties properties, WebhookTenants tenants, EventPublisher publisher,
			WebhookMetrics metrics) {
		this.properties = properties;
		this.tenants = tenants;
		this.publisher = publisher;
		this.metrics = metrics;
	}

	@GetMapping(path = Routes.META_WEBHOOKS, produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
		boolean valid = this.properties.handshakeEnabled() && "subscribe".equals(mode) && token != null
				&& challenge != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
						this.properties.verifyToken().getBytes(StandardCharsets.UTF_8));
		if (!valid) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Forbidden");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
	}

	@PostMapping(Routes.META_WEBHOOKS)
	Mono<ResponseEntity<Void>> receive(
			@RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String signature,
			ServerWebExchange exchange) {
		return RawBodies.read(exchange.getRequest(), this.properties.maxBodySize()).flatMap((body) -> {
			Set<String> wabaIds = wabaIds(body);
			if (wabaIds.isEmpty()) {
				this.metrics.received("unparseable");
				return Mono.error(Problems.exception(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
						"Expected a Meta webhook whose entries carry the WABA id (entry[].id)"));
			}
			return this.tenants.resolve(wabaIds).flatMap((known) -> {
				Attribution attribution = Attribution.of(wabaIds, known);
				if (attribution instanceof Attribution.Owned owned) {
					return verified(body, signature, owned.tenant(), wabaIds);
				}
				if (attribution instanceof Attribution.Refused refused) {
					return rejected(refused.reason());
				}
				return unknownAccounts(wabaIds);
			});
		});
	}

	/**
	 * Checks the signature with the owning tenant's app secret only (one HMAC whatever
	 * the number of organizations), then stores the webhook unchanged.
	 */
	private Mono<ResponseEntity<Void>> verified(byte[] body, @Nullable String signature, Tenant tenant,
			Set<String> wabaIds) {
		if (signature == null || !WebhookSignature.verify(tenant.appSecret(), body, signature)) {
			return rejected("X-Hub-Signature-256 does not match the body under the app secret of the account named");
		}
		WebhookReceived event = WebhookReceived.of(tenant.organizationId(), wabaIds.iterator().next(),
				new String(body, StandardCharsets.UTF_8));
		return this.publisher.publish(Topics.WEBHOOK_EVENTS, event)
			.timeout(this.properties.publishTimeout(),
					Mono.error(() -> Problems.exception(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
							"Service unavailable", "The webhook could not be stored; please redeliver")))
			.doOnSuccess((done) -> this.metrics.received("verified"))
			.thenReturn(ResponseEntity.ok().<Void>build());
	}

	/**
	 * Answers 200 (Meta retries anything else for days, then disables the subscription)
	 * and stores nothing: without a tenant there is no secret to check it with.
	 */
	private Mono<ResponseEntity<Void>> unknownAccounts(Set<String> wabaIds) {
		this.metrics.received("unknown-account");
		logger.info("Webhook for {} account(s) not configured here dropped unverified", wabaIds.size());
		return Mono.just(ResponseEntity.ok().build());
	}

	private Mono<ResponseEntity<Void>> rejected(String detail) {
		this.metrics.received("rejected");
		return Mono
			.error(Problems.exception(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature", detail));
	}

	/**
	 * The distinct WABA ids of the entries, in order; empty when the body is not a
	 * webhook.
	 */
	private static Set<String> wabaIds(byte[] body) {
		Set<String> ids = new LinkedHashSet<>();
		try {
			for (JsonNode entry : Json.mapper().readTree(body).path("entry")) {
				JsonNode id = entry.path("id");
				if (!id.isString() || id.stringValue().isBlank()) {
					return Set.of();
				}
				ids.add(id.stringValue());
			}
			return ids;
		}
		catch (JacksonException ex) {
			return Set.of();
		}
	}

}
