package com.waplatform.workflow.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.waplatform.support.security.ProblemResponses;
import com.waplatform.workflow.rules.domain.RuleProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems of the workflows API, shaped like the gateway's (same
 * {@code type} URNs, {@code errors} as field and message), which passes them through.
 */
final class WorkflowProblems {

	private WorkflowProblems() {
	}

	static ErrorResponseException of(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(java.net.URI.create(ProblemResponses.TYPE_PREFIX + kind));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	/** A rule that cannot be saved: 422 naming every problem. */
	static ErrorResponseException invalidRule(List<RuleProblem> problems) {
		String detail = (problems.size() == 1) ? problems.get(0).field() + ": " + problems.get(0).message()
				: problems.size() + " problems with the workflow (see errors)";
		ErrorResponseException exception = of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-workflow", "Invalid workflow",
				detail);
		exception.getBody()
			.setProperty("errors",
					problems.stream()
						.map((problem) -> Map.of("field", problem.field(), "message", problem.message()))
						.toList());
		return exception;
	}

	static ErrorResponseException malformed(String detail) {
		return of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
	}

	static ErrorResponseException notFound(String detail) {
		return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

	static ErrorResponseException conflict(String detail) {
		return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
	}

	/** What the rule names is not known here yet (503, ask again shortly). */
	static ErrorResponseException notKnownYet(String detail) {
		ErrorResponseException exception = of(HttpStatus.SERVICE_UNAVAILABLE, "not-known-yet", "Not known yet", detail);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		return exception;
	}

	static ErrorResponseException templatesNotSynced(String detail) {
		ErrorResponseException exception = of(HttpStatus.SERVICE_UNAVAILABLE, "templates-not-synced",
				"Templates not synced yet", detail);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Duration.ofSeconds(5).toSeconds()));
		return exception;
	}

}
