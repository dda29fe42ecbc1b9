package com.waplatform.gateway.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.gateway.config.MessageProperties;
import com.waplatform.gateway.messages.domain.DefaultTtls;
import com.waplatform.gateway.messages.domain.MessageRequest;
import com.waplatform.gateway.messages.domain.MessageRequestParser;
import com.waplatform.gateway.messages.domain.ParseResult;
import com.waplatform.gateway.messages.domain.RequestHash;
import com.waplatform.gateway.numbers.BusinessNumbers;
import com.waplatform.gateway.numbers.BusinessNumbers.Sender;
import com.waplatform.gateway.templates.TemplateGuard;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;

/**
 * Accepts a message: reads and validates the request, chooses the sending number, checks
 * the customer's service window and suppression ({@link ConversationChecks}), checks a
 * template message against the number's account ({@link TemplateGuard}), and in one
 * transaction remembers the idempotency key, records the message as queued and appends
 * the {@link SendRequest} to the outbox (a message with {@code scheduledFor}: records it
 * as scheduled and holds it in {@link ScheduledMessages} instead). An
 * {@code Idempotency-Key} seen before with the same request returns the first message id
 * without sending again; with another request it is a 409.
 */
@Service
class MessageSubmission {

	static final String SOURCE = "api";

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	private final Outbox outbox;

	private final MessageStore store;

	private final BusinessNumbers numbers;

	private final TemplateGuard templates;

	private final MessageMetrics metrics;

	private final MessageRequestParser parser;

	private final ScheduledMessages scheduled;

	private final Clock clock;

	private final ConversationChecks conversations;

	private final DefaultTtls ttls;

	MessageSubmission(DatabaseClient db, TransactionalOperator tx, Outbox outbox, MessageStore store,
			BusinessNumbers numbers, TemplateGuard templates, MessageMetrics metrics, MessageProperties properties,
			ScheduledMessages scheduled, Clock clock, ConversationChecks conversations) {
		this.db = db;
		this.tx = tx;
		this.outbox = outbox;
		this.store = store;
		this.numbers = numbers;
		this.templates = templates;
		this.metrics = metrics;
		this.parser = new MessageRequestParser(properties.maxTtl(), properties.maxScheduleAhead(), clock);
		this.scheduled = scheduled;
		this.clock = clock;
		this.conversations = conversations;
		MessageProperties.DefaultTtl ttls = properties.defaultTtl();
		this.ttls = new DefaultTtls(ttls.authentication(), ttls.utility(), ttls.marketing(), ttls.freeForm());
	}

	Mono<Submitted> submit(String organizationId, byte[] body, @Nullable String idempotencyKey) {
		return Mono.defer(() -> {
			JsonNode tree = readTree(body);
			ParseResult result = this.parser.parse(tree);
			if (result instanceof ParseResult.Rejected rejected) {
				return Mono.error(rejection(rejected));
			}
			MessageRequest request = ((ParseResult.Parsed) result).request();
			return this.numbers.resolve(organizationId, request.from())
				.flatMap((sender) -> this.conversations.window(organizationId, sender, request)
					.flatMap((windowed) -> checkTemplate(organizationId, sender, windowed.request())
						.map((checked) -> checked.withFallback(windowed.fallback())))
					.flatMap((checked) -> accept(organizationId, sender.phoneNumberId(), checked, tree,
							idempotencyKey)));
		}).doOnNext((submitted) -> {
			this.metrics.record(organizationId, submitted.replayed() ? "replayed" : "accepted");
			if (submitted.fallback() != null && !submitted.replayed()) {
				this.conversations.countFallback();
			}
			if (submitted.scheduled() && !submitted.replayed()) {
				this.scheduled.recordScheduled();
			}
		}).doOnError(ErrorResponseException.class, (ex) -> this.metrics.record(organizationId, outcome(ex)));
	}

	private static String outcome(ErrorResponseException ex) {
		if (ex.getStatusCode().value() == 409) {
			return "conflict";
		}
		return ex.getStatusCode().is5xxServerError() ? "unavailable" : "rejected";
	}

	/**
	 * A template message checked against the sending number's account: expanded
	 * components, the language found (an organization fallback is reported back).
	 */
	private Mono<Checked> checkTemplate(String organizationId, Sender sender, MessageRequest request) {
		MetaMessage.Template template = request.message().template();
		if (template == null || request.templateArguments() == null) {
			return Mono.just(new Checked(request, null, null, null, null));
		}
		return this.templates.checkSend(organizationId, sender.wabaId(), template, request.templateArguments())
			.flatMap((sendable) -> this.conversations.optOut(organizationId, request.recipient(), sendable.template())
				.thenReturn(sendable))
			.map((sendable) -> new Checked(request.withTemplate(sendable.send()), sendable.send().language().code(),
					sendable.languageFallback(), null, sendable.template().category()));
	}

	private Mono<Submitted> accept(String organizationId, String from, Checked checked, JsonNode tree,
			@Nullable String idempotencyKey) {
		MessageRequest request = checked.request();
		String messageId = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		Instant scheduledFor = request.scheduledFor();
		// a scheduled message's time-to-live counts from its scheduled time
		Instant start = (scheduledFor != null) ? scheduledFor : now;
		// without its own ttl, Meta's default for the kind of message
		Instant expiresAt = start
			.plus(this.ttls.ttl(request.ttl(), request.message().template() != null, checked.category()));
		SendRequest sendRequest = new SendRequest(UUID.randomUUID(), now, organizationId, messageId, from,
				request.recipient(), request.message(), request.context(), request.priority(), expiresAt, scheduledFor,
				SOURCE);
		Mono<Void> release = (scheduledFor != null) ? this.scheduled.hold(sendRequest)
				: this.outbox.append(Topics.SEND_REQUESTS, sendRequest);
		Mono<Submitted> write = this.store.recordSendRequest(sendRequest)
			.then(release)
			.thenReturn(new Submitted(messageId, false, scheduledFor != null, checked.language(),
					checked.languageFallback(), checked.fallback()));
		if (idempotencyKey == null) {
			return this.tx.transactional(write);
		}
		String hash = RequestHash.of(tree);
		Mono<Submitted> once = rememberKey(organizationId, idempotencyKey, hash, messageId)
			.flatMap((first) -> first ? write : replay(organizationId, idempotencyKey, hash, checked));
		return this.tx.transactional(once);
	}

	/**
	 * Emits whether the key is new. A concurrent request with the same key waits on the
	 * primary key until the first one commits, then sees it.
	 */
	private Mono<Boolean> rememberKey(String organizationId, String key, String hash, String messageId) {
		return this.db.sql("""
				insert into idempotency_keys (organization_id, idempotency_key, request_hash, message_id)
				values (:org, :key, :hash, :id) on conflict do nothing""")
			.bind("org", organizationId)
			.bind("key", key)
			.bind("hash", hash)
			.bind("id", messageId)
			.fetch()
			.rowsUpdated()
			.map((count) -> count == 1);
	}

	private Mono<Submitted> replay(String organizationId, String key, String hash, Checked checked) {
		return this.db.sql(
				"select request_hash, message_id from idempotency_keys where organization_id = :org and idempotency_key = :key")
			.bind("org", organizationId)
			.bind("key", key)
			.map((row) -> new String[] { row.get("request_hash", String.class), row.get("message_id", String.class) })
			.one()
			.flatMap((row) -> hash.equals(row[0])
					? Mono.just(new Submitted(row[1], true, checked.request().scheduledFor() != null,
							checked.language(), checked.languageFallback(), checked.fallback()))
					: Mono.error(Problems.exception(HttpStatus.CONFLICT, "idempotency-key-reused",
							"Idempotency key reused",
							"This Idempotency-Key was used for a different request; use a new key for a new message")));
	}

	private static JsonNode readTree(byte[] body) {
		if (body.length == 0) {
			throw Problems.exception(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"A JSON request body is required");
		}
		try {
			return Json.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw Problems.exception(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The request body is not valid JSON" + where);
		}
	}

	private static ErrorResponseException rejection(ParseResult.Rejected rejected) {
		List<FieldViolation> violations = rejected.errors()
			.stream()
			.map((error) -> new FieldViolation(error.field(), error.message()))
			.toList();
		return Problems.invalidFields(rejected.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT,
				violations);
	}

	/**
	 * @param replayed whether this answers an idempotent retry of an accepted request
	 * @param scheduled whether the message is held until its {@code scheduledFor}
	 * @param language the template language sent (template messages)
	 * @param languageFallback the organization's fallback used, e.g. {@code en→en_US}
	 * @param fallback the organization's window fallback template, sent instead of a
	 * free-form message outside the customer service window
	 */
	record Submitted(String messageId, boolean replayed, boolean scheduled, @Nullable String language,
			@Nullable String languageFallback, ConversationChecks.@Nullable Fallback fallback) {
	}

	/**
	 * @param category the template's category as Meta lists it (template messages)
	 */
	private record Checked(MessageRequest request, @Nullable String language, @Nullable String languageFallback,
			ConversationChecks.@Nullable Fallback fallback, @Nullable String category) {

		Checked withFallback(ConversationChecks.@Nullable Fallback sent) {
			return new Checked(this.request, this.language, this.languageFallback, sent, this.category);
		}

	}

}
