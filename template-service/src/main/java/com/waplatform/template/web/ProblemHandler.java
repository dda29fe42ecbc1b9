package com.waplatform.template.web;

import java.time.Duration;
import java.time.Instant;

import com.waplatform.template.creation.InvalidTemplateException;
import com.waplatform.template.creation.UnknownAccountException;
import com.waplatform.template.domain.UsageGovernor;
import com.waplatform.template.meta.AccountThrottledException;
import com.waplatform.template.meta.MetaApiException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problems for the operator endpoints: broken template rules (422, every
 * violation), unknown account (404), backing off from Meta's limits (429 with
 * {@code Retry-After}), Meta errors (Meta's code and message; 429 for throttling, 422
 * when Meta refused the template, 502 otherwise).
 */
@RestControllerAdvice
class ProblemHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidTemplateException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Invalid template");
		problem.setProperty("violations", ex.violations());
		return ResponseEntity.of(problem).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownAccount(UnknownAccountException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown WhatsApp Business Account");
		return ResponseEntity.of(problem).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> throttled(AccountThrottledException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setTitle("Backing off from Meta's management limits");
		problem.setProperty("wabaId", ex.wabaId());
		problem.setProperty("retryAt", ex.until().toString());
		long seconds = Math.max(1, Duration.between(Instant.now(), ex.until()).toSeconds());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> meta(MetaApiException ex) {
		HttpStatus status;
		if (UsageGovernor.isThrottling(ex.code())) {
			status = HttpStatus.TOO_MANY_REQUESTS;
		}
		else if (ex.httpStatus() >= 400 && ex.httpStatus() < 500 && ex.code() != 0 && ex.code() != 190
				&& ex.code() != MetaApiException.NO_GRAPH_ERROR) {
			status = HttpStatus.UNPROCESSABLE_CONTENT;
		}
		else {
			status = HttpStatus.BAD_GATEWAY;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle("Meta refused the request");
		problem.setProperty("metaCode", ex.code());
		if (ex.subcode() != null) {
			problem.setProperty("metaSubcode", ex.subcode());
		}
		problem.setProperty("metaMessage", ex.getMessage());
		if (ex.fbtraceId() != null) {
			problem.setProperty("fbtraceId", ex.fbtraceId());
		}
		return ResponseEntity.of(problem).build();
	}

}
