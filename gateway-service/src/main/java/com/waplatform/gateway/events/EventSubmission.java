package com.waplatform.gateway.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.kafka.Topics;
import com.waplatform.gateway.config.EventProperties;
import com.waplatform.gateway.events.EventViews.AcceptedEvent;
import com.waplatform.gateway.events.domain.EventError;
import com.waplatform.gateway.events.domain.EventRequestReader;
import com.waplatform.gateway.events.domain.PostedEvents;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;

/**
 * Accepts business events for the caller's organization: reads every event of the request
 * ({@link EventRequestReader}), refuses the whole request if one is bad, and in one
 * transaction remembers each event ({@link ReceivedEvents}) and appends the new ones to
 * the outbox for {@code wa.business-events} (binary mode, the organization set). An event
 * posted again (same {@code source} + {@code id}) is answered as before and not published
 * again.
 */
@Service
class EventSubmission {

	private final TransactionalOperator tx;

	private final Outbox outbox;

	private final ReceivedEvents received;

	private final EventRequestReader reader;

	private final MeterRegistry meters;

	EventSubmission(TransactionalOperator tx, Outbox outbox, ReceivedEvents received, EventProperties properties,
			MeterRegistry meters) {
		this.tx = tx;
		this.outbox = outbox;
		this.received = received;
		this.reader = new EventRequestReader(properties.maxBatchSize());
		this.meters = meters;
	}

	Mono<List<AcceptedEvent>> submit(String organizationId, ServerHttpRequest request, byte[] body) {
		return Mono.defer(() -> {
			String contentType = request.getHeaders().getFirst("Content-Type");
			boolean binary = request.getHeaders()
				.headerNames()
				.stream()
				.anyMatch((name) -> name.regionMatches(true, 0, "ce-", 0, 3));
			PostedEvents posted = this.reader.read(contentType, (name) -> request.getHeaders().getFirst(name), binary,
					body, organizationId, Instant.now());
			if (posted instanceof PostedEvents.Refused refused) {
				count("rejected", 1);
				return Mono.error(problem(refused));
			}
			PostedEvents.Accepted accepted = (PostedEvents.Accepted) posted;
			return this.tx.transactional(publish(accepted));
		});
	}

	private Mono<List<AcceptedEvent>> publish(PostedEvents.Accepted accepted) {
		List<BusinessEvent> events = accepted.events();
		return Flux.range(0, events.size())
			.concatMap((i) -> this.received.remember(events.get(i), accepted.cloudEventIds().get(i))
				.flatMap((first) -> (first ? this.outbox.append(Topics.BUSINESS_EVENTS, events.get(i)) : Mono.empty())
					.thenReturn(new AcceptedEvent(events.get(i).eventId(), events.get(i).source(),
							accepted.cloudEventIds().get(i), !first))))
			.collectList()
			.doOnSuccess((list) -> list.forEach((event) -> count(event.duplicate() ? "duplicate" : "accepted", 1)));
	}

	private void count(String outcome, int events) {
		this.meters.counter("gateway.events.received", "outcome", outcome).increment(events);
	}

	private static ErrorResponseException problem(PostedEvents.Refused refused) {
		switch (refused.problem()) {
			case MALFORMED:
				return Problems.exception(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
						refused.detail());
			case UNSUPPORTED:
				return Problems.exception(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
						"Not a CloudEvent", refused.detail());
			default:
				ErrorResponseException invalid = Problems.exception(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-event",
						"Invalid event", refused.detail());
				ProblemDetail problem = invalid.getBody();
				if (!refused.errors().isEmpty()) {
					problem.setProperty("errors", refused.errors().stream().map(EventSubmission::asMap).toList());
				}
				return invalid;
		}
	}

	private static Map<String, Object> asMap(EventError error) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (error.index() != null) {
			json.put("index", error.index());
		}
		json.put("field", error.field());
		json.put("message", error.message());
		return json;
	}

}
