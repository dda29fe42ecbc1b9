package com.waplatform.gateway.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.template.TemplateViolation;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details of the gateway. Every problem has a {@code type} URI naming
 * its kind (documented in the README), a {@code title}, the {@code status} and a
 * {@code detail}; field-level problems add an {@code errors} array.
 */
public final class Problems {

	static final String TYPE_PREFIX = "urn:waplatform:problem:";

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private Problems() {
	}

	public static ProblemDetail problem(HttpStatusCode status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(kind));
		problem.setTitle(title);
		return problem;
	}

	public static ErrorResponseException exception(HttpStatus status, String kind, String title, String detail) {
		return new ErrorResponseException(status, problem(status, kind, title, detail), null);
	}

	/**
	 * A request whose fields are wrong: 400 for malformed or mistyped fields, 422 for
	 * well-formed values that are not acceptable.
	 */
	public static ErrorResponseException invalidFields(HttpStatus status, List<FieldViolation> errors) {
		boolean malformed = status == HttpStatus.BAD_REQUEST;
		ProblemDetail problem = problem(status, malformed ? "malformed-request" : "invalid-request",
				malformed ? "Malformed request" : "Invalid request", summary(errors));
		problem.setProperty("errors", errors.stream().map(Problems::asMap).toList());
		return new ErrorResponseException(status, problem, null);
	}

	/**
	 * A template send (or preview) Meta would refuse: a 422 whose {@code errors} name
	 * each offending parameter with our code and the Meta error code the check prevents.
	 */
	public static ErrorResponseException templateViolations(List<TemplateViolation> violations) {
		String detail = (violations.size() == 1) ? violations.get(0).field() + ": " + violations.get(0).message()
				: violations.size() + " problems with the template message (see errors)";
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-template-message",
				"Invalid template message", detail);
		problem.setProperty("errors", violations.stream().map(Problems::asMap).toList());
		return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
	}

	/** A problem telling the client when to try again ({@code Retry-After}). */
	public static ErrorResponseException retryLater(HttpStatus status, String kind, String title, String detail,
			Duration retryAfter) {
		ErrorResponseException exception = exception(status, kind, title, detail);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		return exception;
	}

	public static ErrorResponseException notFound(String detail) {
		return exception(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

	public static URI type(String kind) {
		return URI.create(TYPE_PREFIX + kind);
	}

	/** The kind of a problem of this status when no more precise kind is known. */
	public static String kindOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "malformed-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "content-too-large";
			case 415 -> "unsupported-media-type";
			case 422 -> "invalid-request";
			default -> (status.is5xxServerError()) ? "internal-error" : "http-" + status.value();
		};
	}

	/**
	 * Fills in the {@code type} and {@code title} of a problem made by Spring (which
	 * leaves {@code about:blank}).
	 */
	static ProblemDetail complete(ProblemDetail problem) {
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
			problem.setType(type(kindOf(status)));
		}
		if (problem.getTitle() == null) {
			HttpStatus known = HttpStatus.resolve(status.value());
			problem.setTitle((known != null) ? known.getReasonPhrase() : "HTTP " + status.value());
		}
		return problem;
	}

	static Map<String, Object> asJson(ProblemDetail problem) {
		complete(problem);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", problem.getType().toString());
		json.put("title", problem.getTitle());
		json.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			json.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			json.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			json.putAll(problem.getProperties());
		}
		return json;
	}

	private static String summary(List<FieldViolation> errors) {
		if (errors.size() == 1) {
			return errors.get(0).field() + ": " + errors.get(0).message();
		}
		return errors.size() + " fields are invalid (see errors)";
	}

	private static Map<String, Object> asMap(TemplateViolation violation) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("field", violation.field());
		json.put("code", violation.code());
		json.put("message", violation.message());
		if (violation.metaErrorCode() != null) {
			json.put("metaErrorCode", violation.metaErrorCode());
		}
		return json;
	}

	private static Map<String, String> asMap(FieldViolation violation) {
		return Map.of("field", violation.field(), "message", violation.message());
	}

}
