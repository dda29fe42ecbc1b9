package com.waplatform.gateway.messages;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.waplatform.gateway.web.Routes;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.phone.NormalizedPhone;
import com.waplatform.common.phone.PhoneNumbers;
import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.config.MessageProperties;
import com.waplatform.gateway.messages.MessageViews.Accepted;
import com.waplatform.gateway.messages.MessageViews.Message;
import com.waplatform.gateway.messages.MessageViews.Page;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.PageParameters;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.RawBodies;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /v1/messages}: send (202, queued or scheduled), cancel a scheduled message and
 * read back status and history. The body of a send is read raw (size-limited) so that its
 * JSON can be checked field by field.
 */
@RestController
class MessageController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final int MAX_KEY_LENGTH = 255;

	private final MessageSubmission submission;

	private final MessageQueries queries;

	private final MessageHistory history;

	private final MessageProperties properties;

	private final ScheduledMessages scheduled;

	MessageController(MessageSubmission submission, MessageQueries queries, MessageHistory history,
			MessageProperties properties, ScheduledMessages scheduled) {
		this.submission = submission;
		this.scheduled = scheduled;
		this.queries = queries;
		this.history = history;
		this.properties = properties;
	}

	@PostMapping(Routes.MESSAGES)
	Mono<ResponseEntity<Accepted>> send(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
			ServerWebExchange exchange) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST, List.of(new FieldViolation(IDEMPOTENCY_KEY,
					"must be 1 to " + MAX_KEY_LENGTH + " characters, e.g. a UUID"))));
		}
		return RawBodies.read(exchange.getRequest(), this.properties.maxBodySize())
			.flatMap((body) -> this.submission.submit(organizationId, body, idempotencyKey))
			.map((submitted) -> ResponseEntity.accepted()
				.location(URI.create("/v1/messages/" + submitted.messageId()))
				.body(new Accepted(submitted.messageId(), submitted.scheduled() ? "scheduled" : "queued",
						submitted.language(), submitted.languageFallback(), submitted.fallback())));
	}

	@GetMapping(Routes.MESSAGE)
	Mono<Message> find(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String messageId) {
		return this.queries.find(organizationId, messageId)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No message " + messageId)));
	}

	/**
	 * Cancels a message still scheduled: 204; 409 once it is on its way; 404 if unknown.
	 */
	@DeleteMapping(Routes.MESSAGE)
	Mono<ResponseEntity<Void>> cancel(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String messageId) {
		return this.scheduled.cancel(organizationId, messageId).thenReturn(ResponseEntity.noContent().build());
	}

	/**
	 * A page of history. {@code to}, {@code status}, {@code before} and {@code limit}
	 * that are not acceptable are a 422 (as they always were); the filters added with
	 * conversations ({@code direction}, {@code customer}, {@code since}, {@code until},
	 * {@code template}) are a 400 naming the parameter.
	 */
	@GetMapping(Routes.MESSAGES)
	Mono<Page> list(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false) @Nullable String direction,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String template,
			@RequestParam(required = false) @Nullable String contextType,
			@RequestParam(required = false) @Nullable String contextId,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String until,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable Integer limit) {
		List<FieldViolation> errors = new ArrayList<>();
		String recipient = (to != null) ? recipient(to, errors) : null;
		String statusName = (status != null) ? status(status, errors) : null;
		Instant beforeInstant = (before != null) ? PageParameters.instant("before", before, errors) : null;
		int pageSize = PageParameters.pageSize(limit, this.properties.maxPageSize(), errors);
		List<FieldViolation> malformed = new ArrayList<>();
		HistoryFilter.Direction side = HistoryFilter.Direction.OUTBOUND;
		if (direction != null) {
			side = HistoryFilter.Direction.fromWire(direction);
			if (side == null) {
				malformed.add(new FieldViolation("direction", "must be outbound, inbound or all"));
			}
		}
		String who = (customer != null) ? PageParameters.customer(customer, malformed) : recipient;
		if (who != null && recipient != null && !who.equals(recipient)) {
			malformed.add(new FieldViolation("customer", "names another customer than to (give one of them)"));
		}
		if (template != null && (template.isBlank() || template.length() > 512)) {
			malformed.add(new FieldViolation("template", "must be a template name"));
		}
		Instant sinceInstant = (since != null) ? PageParameters.instant("since", since, malformed) : null;
		Instant untilInstant = (until != null) ? PageParameters.instant("until", until, malformed) : null;
		if (sinceInstant != null && untilInstant != null && !sinceInstant.isBefore(untilInstant)) {
			malformed.add(new FieldViolation("until", "must be after since"));
		}
		if (!malformed.isEmpty()) {
			malformed.addAll(errors);
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST, malformed));
		}
		if (!errors.isEmpty()) {
			return Mono.error(Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, errors));
		}
		return this.history.page(organizationId, new HistoryFilter(side, who, null, statusName, contextType, contextId,
				template, sinceInstant, untilInstant, beforeInstant, pageSize, false));
	}

	private static @Nullable String recipient(String to, List<FieldViolation> errors) {
		if (PhoneNumbers.normalize(to) instanceof NormalizedPhone.Valid valid) {
			return valid.e164();
		}
		errors.add(new FieldViolation("to", "not a valid phone number"));
		return null;
	}

	private static @Nullable String status(String status, List<FieldViolation> errors) {
		try {
			return MessageStatus.fromWire(status).wireName();
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldViolation("status", "unknown status '" + status + "'"));
			return null;
		}
	}

}
