package com.waplatform.simulator.faults;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers {@link BareHttpError}s: the status and an HTML page, no JSON. */
@RestControllerAdvice
class BareHttpErrorHandler {

	@ExceptionHandler(BareHttpError.class)
	ResponseEntity<String> handle(BareHttpError error) {
		HttpStatus known = HttpStatus.resolve(error.status());
		String title = error.status() + ((known != null) ? " " + known.getReasonPhrase() : "");
		return ResponseEntity.status(HttpStatusCode.valueOf(error.status()))
			.contentType(MediaType.TEXT_HTML)
			.body("<html><head><title>" + title + "</title></head><body><center><h1>" + title
					+ "</h1></center></body></html>\n");
	}

}
