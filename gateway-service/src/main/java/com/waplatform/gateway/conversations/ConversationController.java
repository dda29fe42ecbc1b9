package com.waplatform.gateway.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.config.MessageProperties;
import com.waplatform.gateway.conversations.ConversationViews.Page;
import com.waplatform.gateway.conversations.ConversationViews.Read;
import com.waplatform.gateway.numbers.BusinessNumbers;
import com.waplatform.gateway.web.Customers;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.PageParameters;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.Routes;
import com.waplatform.support.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/conversations}: the organization's conversations, newest activity first, and
 * marking a customer's messages read (a mark-as-read send request for the last inbound
 * message, published through the outbox with the unread count reset). A customer's
 * messages are served by the messages API's controller.
 */
@RestController
class ConversationController {

	/** The {@code source} of the mark-as-read send requests this controller queues. */
	static final String SOURCE = "api";

	private final ConversationQueries queries;

	private final ConversationStore store;

	private final BusinessNumbers numbers;

	private final Outbox outbox;

	private final TransactionalOperator tx;

	private final MessageProperties properties;

	ConversationController(ConversationQueries queries, ConversationStore store, BusinessNumbers numbers, Outbox outbox,
			TransactionalOperator tx, MessageProperties properties) {
		this.queries = queries;
		this.store = store;
		this.numbers = numbers;
		this.outbox = outbox;
		this.tx = tx;
		this.properties = properties;
	}

	@GetMapping(Routes.CONVERSATIONS)
	Mono<Page> list(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable Integer limit) {
		List<FieldViolation> errors = new ArrayList<>();
		String who = (customer != null) ? PageParameters.customer(customer, errors) : null;
		Instant beforeInstant = (before != null) ? PageParameters.instant("before", before, errors) : null;
		int pageSize = PageParameters.pageSize(limit, this.properties.maxPageSize(), errors);
		if (!errors.isEmpty()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST, errors));
		}
		String customerFilter = who;
		Instant beforeFilter = beforeInstant;
		Mono<String> number = (from != null)
				? this.numbers.resolve(organizationId, from).map(BusinessNumbers.Sender::phoneNumberId) : Mono.empty();
		return number.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((phone) -> this.queries.list(organizationId, phone.orElse(null), customerFilter, beforeFilter,
					pageSize));
	}

	/**
	 * Marks the customer's last inbound message as read at Meta (202: the request is
	 * queued) and resets the unread count; 404 when the customer never wrote.
	 */
	@PostMapping(Routes.CONVERSATION_READ)
	Mono<ResponseEntity<Read>> read(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String customer, @RequestParam(required = false) @Nullable String from) {
		String who = Customers.parse(customer)
			.orElseThrow(() -> Problems.invalidFields(HttpStatus.BAD_REQUEST,
					List.of(new FieldViolation("customer", Customers.EXPECTED))));
		Mono<String> number = (from != null)
				? this.numbers.resolve(organizationId, from).map(BusinessNumbers.Sender::phoneNumberId) : Mono.empty();
		return number.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((phone) -> this.queries.lastInbound(organizationId, phone.orElse(null), who))
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No inbound message from " + who
					+ ((from != null) ? " to business number " + from : "") + " to mark as read")))
			.flatMap((last) -> {
				SendRequest request = SendRequest.of(organizationId, UUID.randomUUID().toString(), last.phoneNumberId(),
						who, MetaMessage.markRead(last.wamid(), null), null, Priority.TRANSACTIONAL, null, SOURCE);
				Mono<Void> write = this.outbox.append(Topics.SEND_REQUESTS, request)
					.then(this.store.markRead(organizationId, last.phoneNumberId(), who, last.at()));
				return this.tx.transactional(write)
					.thenReturn(ResponseEntity.accepted()
						.body(new Read(request.messageId(), "queued", who, last.phoneNumberId(), last.wamid(), 0)));
			});
	}

}
