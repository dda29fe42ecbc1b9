package com.waplatform.gateway.web;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns every error of a handler method into an RFC 9457 problem: bad input is a 4xx that
 * names the field, never a 5xx; unexpected failures are a 500 without internals.
 */
@RestControllerAdvice
class GatewayExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(GatewayExceptionHandler.class);

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		return respond(readProblem(ex.getCause(), ex.getReason()), exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<FieldViolation> violations = ex.getFieldErrors().stream().map(GatewayExceptionHandler::violation).toList();
		if (violations.isEmpty()) {
			violations = ex.getGlobalErrors()
				.stream()
				.map((error) -> new FieldViolation(error.getObjectName(), String.valueOf(error.getDefaultMessage())))
				.toList();
		}
		return respond(Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, violations).getBody(), exchange);
	}

	@ExceptionHandler(DecodingException.class)
	Mono<ResponseEntity<Object>> decoding(DecodingException ex, ServerWebExchange exchange) {
		return respond(readProblem(ex, null), exchange);
	}

	@ExceptionHandler(DataBufferLimitException.class)
	Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException ex, ServerWebExchange exchange) {
		return respond(Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
				"The request body is larger than this endpoint accepts"), exchange);
	}

	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
		log.error("Unexpected failure of " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value(), ex);
		return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The request could not be processed; it is safe to retry"), exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		Object problemBody = (body == null && ex instanceof ErrorResponse response) ? response.getBody() : body;
		if (problemBody instanceof ProblemDetail problem) {
			Problems.complete(problem);
		}
		return super.handleExceptionInternal(ex, problemBody, headers, status, exchange);
	}

	private Mono<ResponseEntity<Object>> respond(ProblemDetail problem, ServerWebExchange exchange) {
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		return handleExceptionInternal(new ErrorResponseException(status, problem, null), problem, null, status,
				exchange);
	}

	/** A problem describing an unreadable body: malformed JSON or a mistyped field. */
	static ProblemDetail readProblem(@Nullable Throwable cause, @Nullable String reason) {
		JacksonException jackson = jacksonCause(cause);
		if (jackson instanceof StreamReadException) {
			return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The request body is not valid JSON" + location(jackson));
		}
		if (jackson != null && !jackson.getPath().isEmpty()) {
			String field = JsonPaths.of(jackson.getPath());
			return Problems
				.invalidFields(HttpStatus.BAD_REQUEST,
						List.of(new FieldViolation(field, "has the wrong JSON type or format")))
				.getBody();
		}
		if (jackson != null) {
			return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The request body does not have the expected shape");
		}
		return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				(reason != null) ? reason : "The request could not be read");
	}

	private static @Nullable JacksonException jacksonCause(@Nullable Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String location(JacksonException ex) {
		return (ex.getLocation() != null)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

	private static FieldViolation violation(FieldError error) {
		return new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage()));
	}

}
