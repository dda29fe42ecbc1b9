package com.waplatform.gateway.suppressions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.config.MessageProperties;
import com.waplatform.gateway.suppressions.SuppressionViews.CustomerSuppression;
import com.waplatform.gateway.suppressions.SuppressionViews.Page;
import com.waplatform.gateway.suppressions.SuppressionViews.Suppression;
import com.waplatform.gateway.suppressions.Suppressions.Change;
import com.waplatform.gateway.suppressions.Suppressions.Outcome;
import com.waplatform.gateway.web.Customers;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.PageParameters;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.Routes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/suppressions}: the operator's view of the organization's suppression list,
 * and its own additions (201; 200 when already suppressed) and removals (204; 404 when
 * not suppressed), audited with reason {@code operator} and source {@code api}.
 */
@RestController
class SuppressionController {

	private static final int MAX_NOTE_LENGTH = 500;

	private final Suppressions suppressions;

	private final SuppressionQueries queries;

	private final TransactionalOperator tx;

	private final MessageProperties properties;

	private final Clock clock;

	SuppressionController(Suppressions suppressions, SuppressionQueries queries, TransactionalOperator tx,
			MessageProperties properties, Clock clock) {
		this.suppressions = suppressions;
		this.queries = queries;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(Routes.SUPPRESSIONS)
	Mono<Page> list(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
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
		return this.queries.list(organizationId, who, beforeInstant, pageSize);
	}

	@GetMapping(Routes.SUPPRESSION)
	Mono<CustomerSuppression> find(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String customer) {
		String who = customer(customer);
		return this.queries.find(organizationId, who)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("Customer " + who + " was never suppressed")));
	}

	/** Suppresses a customer: 201 with the suppression, 200 when already suppressed. */
	@PostMapping(Routes.SUPPRESSIONS)
	Mono<ResponseEntity<Suppression>> add(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		List<FieldViolation> malformed = new ArrayList<>();
		if (body == null || !body.isObject()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST,
					List.of(new FieldViolation("body", "must be a JSON object {\"customer\", \"reason\"?}"))));
		}
		JsonNode customerNode = body.get("customer");
		JsonNode noteNode = body.get("reason");
		if (customerNode == null || !customerNode.isString()) {
			malformed.add(new FieldViolation("customer", "is required: " + Customers.EXPECTED));
		}
		if (noteNode != null && !noteNode.isNull()
				&& (!noteNode.isString() || noteNode.stringValue().length() > MAX_NOTE_LENGTH)) {
			malformed.add(new FieldViolation("reason", "must be a note of at most " + MAX_NOTE_LENGTH + " characters"));
		}
		if (!malformed.isEmpty()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST, malformed));
		}
		String customer = Customers.parse(customerNode.stringValue()).orElse(null);
		if (customer == null) {
			return Mono.error(Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT,
					List.of(new FieldViolation("customer", Customers.EXPECTED))));
		}
		String note = (noteNode != null && noteNode.isString()) ? noteNode.stringValue() : null;
		Change change = new Change(organizationId, customer, true, SuppressionChanged.OPERATOR, Suppressions.API, note,
				this.clock.instant());
		return this.tx.transactional(this.suppressions.apply(change)).flatMap((outcome) -> {
			this.suppressions.count(change, outcome);
			HttpStatus status = (outcome == Outcome.ADDED) ? HttpStatus.CREATED : HttpStatus.OK;
			return this.queries.list(organizationId, customer, null, 1)
				.map((page) -> ResponseEntity.status(status).body(page.suppressions().get(0)));
		});
	}

	/** Removes a customer from the list: 204, or 404 when not suppressed. */
	@DeleteMapping(Routes.SUPPRESSION)
	Mono<ResponseEntity<Void>> remove(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String customer) {
		String who = customer(customer);
		Change change = new Change(organizationId, who, false, SuppressionChanged.OPERATOR, Suppressions.API, null,
				this.clock.instant());
		return this.tx.transactional(this.suppressions.apply(change)).flatMap((outcome) -> {
			if (outcome != Outcome.REMOVED) {
				return Mono.error(Problems.notFound("Customer " + who + " is not suppressed"));
			}
			this.suppressions.count(change, outcome);
			return Mono.just(ResponseEntity.noContent().<Void>build());
		});
	}

	private static String customer(String raw) {
		return Customers.parse(raw)
			.orElseThrow(() -> Problems.invalidFields(HttpStatus.BAD_REQUEST,
					List.of(new FieldViolation("customer", Customers.EXPECTED))));
	}

}
