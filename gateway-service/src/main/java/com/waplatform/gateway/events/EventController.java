package com.waplatform.gateway.events;

import java.net.URI;
import java.util.UUID;

import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.config.EventProperties;
import com.waplatform.gateway.events.EventViews.Accepted;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.RawBodies;
import com.waplatform.gateway.web.Routes;
import com.waplatform.gateway.workflows.WorkflowServiceClient;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /v1/events}: business events in (CloudEvents HTTP binding: binary, structured,
 * batch; 202 with the events' ids), and what an event triggered (from workflow-service,
 * or {@code pending} while only the gateway knows it).
 */
@RestController
class EventController {

	private final EventSubmission submission;

	private final ReceivedEvents received;

	private final WorkflowServiceClient workflow;

	private final EventProperties properties;

	EventController(EventSubmission submission, ReceivedEvents received, WorkflowServiceClient workflow,
			EventProperties properties) {
		this.submission = submission;
		this.received = received;
		this.workflow = workflow;
		this.properties = properties;
	}

	@PostMapping(Routes.EVENTS)
	Mono<ResponseEntity<Accepted>> post(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			ServerWebExchange exchange) {
		return RawBodies.read(exchange.getRequest(), this.properties.maxBodySize())
			.flatMap((body) -> this.submission.submit(organizationId, exchange.getRequest(), body))
			.map((events) -> {
				ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted();
				if (events.size() == 1) {
					accepted.location(URI.create("/v1/events/" + events.get(0).id()));
				}
				return accepted.body(new Accepted(events));
			});
	}

	@GetMapping(Routes.EVENT)
	Mono<Object> find(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId, @PathVariable String eventId) {
		UUID id;
		try {
			id = UUID.fromString(eventId);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(Problems.notFound("No event " + eventId));
		}
		return this.workflow.outcome(organizationId, id)
			.<Object>map((outcome) -> outcome)
			.switchIfEmpty(this.received.find(organizationId, id))
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No event " + eventId)));
	}

}
