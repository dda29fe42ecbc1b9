package com.waplatform.gateway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.gateway.config.WebhookProperties;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.RawBodies;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Meta's webhook endpoint. The subscription handshake echoes the challenge when the
 * verify token matches. A notification is verified on its raw bytes against the
 * organizations' app secrets, then appended unchanged to {@code wa.webhook-events} (keyed
 * by WABA id); the 200 is sent only once the broker acknowledged, so Meta redelivers
 * whatever we could not store.
 */
@RestController
@RequestMapping("/webhooks/meta")
class WebhookController {

	private final WebhookProperties properties;

	private final AppSecrets appSecrets;

	private final AccountDirectory directory;

	private final EventPublisher publisher;

	private final WebhookMetrics metrics;

	WebhookController(WebhookProperties properties, AppSecrets appSecrets, AccountDirectory directory,
			EventPublisher publisher, WebhookMetrics metrics) {
		this.properties = properties;
		this.appSecrets = appSecrets;
		this.directory = directory;
		this.publisher = publisher;
		this.metrics = metrics;
	}

	@GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
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

	@PostMapping
	Mono<ResponseEntity<Void>> receive(
			@RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String signature,
			ServerWebExchange exchange) {
		return RawBodies.read(exchange.getRequest(), this.properties.maxBodySize())
			.flatMap((body) -> this.appSecrets.verify(body, signature).flatMap((verified) -> {
				if (!verified) {
					this.metrics.received("rejected");
					return Mono.error(Problems.exception(HttpStatus.UNAUTHORIZED, "invalid-signature",
							"Invalid signature", "X-Hub-Signature-256 does not match the body for any app secret"));
				}
				String wabaId = wabaId(body);
				if (wabaId == null) {
					this.metrics.received("unparseable");
					return Mono.error(Problems.exception(HttpStatus.BAD_REQUEST, "malformed-request",
							"Malformed request", "Expected a Meta webhook with entry[0].id (the WABA id)"));
				}
				String organizationId = this.directory.organizationOfWaba(wabaId)
					.orElse(WebhookReceived.UNKNOWN_ORGANIZATION);
				WebhookReceived event = WebhookReceived.of(organizationId, wabaId,
						new String(body, StandardCharsets.UTF_8));
				return this.publisher.publish(Topics.WEBHOOK_EVENTS, event)
					.timeout(this.properties.publishTimeout(),
							Mono.error(() -> Problems.exception(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
									"Service unavailable", "The webhook could not be stored; please redeliver")))
					.doOnSuccess((done) -> this.metrics.received("verified"))
					.thenReturn(ResponseEntity.ok().<Void>build());
			}));
	}

	private static @Nullable String wabaId(byte[] body) {
		try {
			JsonNode id = Json.mapper().readTree(body).path("entry").path(0).path("id");
			return (id.isString() && !id.stringValue().isBlank()) ? id.stringValue() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
