package com.waplatform.callback.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.waplatform.callback.endpoints.domain.FieldProblem;
import com.waplatform.callback.endpoints.domain.Refusal;
import com.waplatform.common.json.Json;
import com.waplatform.support.security.ProblemResponses;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems of the callbacks API, shaped like the gateway's (same
 * {@code type} URNs, {@code errors} as field and message), which passes them through.
 */
public final class CallbackProblems {

	private CallbackProblems() {
	}

	public static ErrorResponseException of(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(ProblemResponses.TYPE_PREFIX + kind));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	/** A request with invalid members: 422 naming each. */
	public static ErrorResponseException invalid(List<FieldProblem> problems) {
		String detail = (problems.size() == 1) ? problems.get(0).field() + ": " + problems.get(0).message()
				: problems.size() + " problems with the request (see errors)";
		ErrorResponseException exception = of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-callback",
				"Invalid callback endpoint", detail);
		exception.getBody()
			.setProperty("errors",
					problems.stream()
						.map((problem) -> Map.of("field", problem.field(), "message", problem.message()))
						.toList());
		return exception;
	}

	/** A URL the policy refuses: 422 naming the rule. */
	public static ErrorResponseException urlRefused(Refusal refusal) {
		ErrorResponseException exception = of(HttpStatus.UNPROCESSABLE_CONTENT, "callback-url-refused",
				"Callback URL refused", refusal.message());
		exception.getBody().setProperty("rule", refusal.rule());
		exception.getBody()
			.setProperty("errors",
					List.of(Map.of("field", "url", "message", refusal.message(), "rule", refusal.rule())));
		return exception;
	}

	public static ErrorResponseException malformed(String detail) {
		return of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
	}

	public static ErrorResponseException notFound(String detail) {
		return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

	public static ErrorResponseException conflict(String detail) {
		return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
	}

	/** The body as a JSON object, or a 400 problem. */
	public static JsonNode object(String body) {
		if (body == null || body.isBlank()) {
			throw malformed("The request has no body; a JSON object is expected");
		}
		try {
			JsonNode json = Json.mapper().readTree(body);
			if (!json.isObject()) {
				throw malformed("The body must be a JSON object");
			}
			return json;
		}
		catch (JacksonException ex) {
			throw malformed("The body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	/** A path id as a UUID; anything else names nothing here (404). */
	public static java.util.UUID id(String value, String what) {
		try {
			return java.util.UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw notFound("No " + what + " " + value + " in this organization");
		}
	}

}
