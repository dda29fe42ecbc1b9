package com.waplatform.gateway.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.config.MessageProperties;
import com.waplatform.gateway.messages.MessageViews.Page;
import com.waplatform.gateway.numbers.BusinessNumbers;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.PageParameters;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.Routes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/conversations/{customer}/messages}: one customer's messages both ways,
 * interleaved, newest first ({@link MessageHistory}); ours in the shape of
 * {@code GET /v1/messages} items, mark-as-read requests left out. {@code from} keeps it
 * to one business number.
 */
@RestController
class ConversationHistoryController {

	private final MessageHistory history;

	private final BusinessNumbers numbers;

	private final MessageProperties properties;

	ConversationHistoryController(MessageHistory history, BusinessNumbers numbers, MessageProperties properties) {
		this.history = history;
		this.numbers = numbers;
		this.properties = properties;
	}

	@GetMapping(Routes.CONVERSATION_MESSAGES)
	Mono<Page> messages(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId, @PathVariable String customer,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable Integer limit) {
		List<FieldViolation> errors = new ArrayList<>();
		String who = PageParameters.customer(customer, errors);
		Instant beforeInstant = (before != null) ? PageParameters.instant("before", before, errors) : null;
		int pageSize = PageParameters.pageSize(limit, this.properties.maxPageSize(), errors);
		if (!errors.isEmpty()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST, errors));
		}
		Mono<String> number = (from != null)
				? this.numbers.resolve(organizationId, from).map(BusinessNumbers.Sender::phoneNumberId) : Mono.just("");
		return number.flatMap((phone) -> this.history.page(organizationId,
				new HistoryFilter(HistoryFilter.Direction.ALL, who, phone.isEmpty() ? null : phone, null, null, null,
						null, null, null, beforeInstant, pageSize, true)));
	}

}
