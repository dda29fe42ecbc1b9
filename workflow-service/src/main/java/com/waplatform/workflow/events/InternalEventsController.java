package com.waplatform.workflow.events;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/events/{id}?organizationId=}: what a business event of that
 * organization triggered (the gateway's {@code GET /v1/events/{id}} answers from it).
 * Service token only (service-support's default security); an unknown event, or one of
 * another organization, is a 404.
 */
@RestController
class InternalEventsController {

	private final EventOutcomes outcomes;

	InternalEventsController(EventOutcomes outcomes) {
		this.outcomes = outcomes;
	}

	@GetMapping("/internal/events/{eventId}")
	Mono<EventOutcome> find(@PathVariable String eventId, @RequestParam String organizationId) {
		UUID id;
		try {
			id = UUID.fromString(eventId);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(notFound(eventId));
		}
		return this.outcomes.find(organizationId, id).switchIfEmpty(Mono.error(() -> notFound(eventId)));
	}

	private static ErrorResponseException notFound(String eventId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No outcome of business event " + eventId + " for this organization");
		problem.setTitle("Unknown event");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
