package com.waplatform.gateway.messages.domain;

import java.util.List;

/** The outcome of reading a message request. */
public sealed interface ParseResult {

	record Parsed(MessageRequest request) implements ParseResult {
	}

	/**
	 * @param malformed whether a field has the wrong JSON type (a 400), rather than an
	 * unacceptable value (a 422)
	 */
	record Rejected(boolean malformed, List<FieldError> errors) implements ParseResult {
	}

}
