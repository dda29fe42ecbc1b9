package com.waplatform.simulator.graph;

import org.jspecify.annotations.Nullable;

/**
 * A Graph API error answered in Meta's envelope. Plain Java (the HTTP status is an int)
 * so that domain validation can raise it without Spring.
 */
public class GraphException extends RuntimeException {

	private final int httpStatus;

	private final int code;

	private final @Nullable Integer subcode;

	private final String type;

	private final @Nullable String details;

	private final boolean whatsappError;

	GraphException(int httpStatus, int code, @Nullable Integer subcode, String type, String message,
			@Nullable String details, boolean whatsappError) {
		super(message, null, false, false);
		this.httpStatus = httpStatus;
		this.code = code;
		this.subcode = subcode;
		this.type = type;
		this.details = details;
		this.whatsappError = whatsappError;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	public int code() {
		return this.code;
	}

	public @Nullable Integer subcode() {
		return this.subcode;
	}

	public String type() {
		return this.type;
	}

	public @Nullable String details() {
		return this.details;
	}

	/**
	 * Whether the envelope carries WhatsApp's {@code error_data} (messaging errors do,
	 * Graph-level errors such as 190 or 100/33 do not).
	 */
	public boolean whatsappError() {
		return this.whatsappError;
	}

}
