package com.waplatform.template.meta;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.GraphErrorResponse;
import com.waplatform.common.meta.GraphErrorResponse.GraphError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * A Graph API call that did not give a usable answer: Meta's error envelope (classified
 * by {@code error.code}, never by HTTP status alone), or no answer at all.
 */
public class MetaApiException extends RuntimeException {

	/** The code of failures that carry no Graph error: transport, timeout, bad body. */
	public static final int NO_GRAPH_ERROR = -1;

	private final int httpStatus;

	private final int code;

	private final @Nullable Integer subcode;

	private final @Nullable String fbtraceId;

	MetaApiException(int httpStatus, int code, @Nullable Integer subcode, @Nullable String fbtraceId, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
		this.code = code;
		this.subcode = subcode;
		this.fbtraceId = fbtraceId;
	}

	/** From an error response; the body is Meta's envelope or, failing that, anything. */
	static MetaApiException fromResponse(int httpStatus, String body) {
		GraphError error = parse(body);
		if (error == null) {
			return new MetaApiException(httpStatus, NO_GRAPH_ERROR, null, null,
					"HTTP " + httpStatus + " without a Graph error envelope", null);
		}
		return new MetaApiException(httpStatus, error.code(), error.errorSubcode(), error.fbtraceId(), error.message(),
				null);
	}

	static MetaApiException noAnswer(String what, Throwable cause) {
		return new MetaApiException(0, NO_GRAPH_ERROR, null, null, what + ": " + cause.getClass().getSimpleName(),
				cause);
	}

	static MetaApiException badPaging(String message) {
		return new MetaApiException(200, NO_GRAPH_ERROR, null, null, message, null);
	}

	private static @Nullable GraphError parse(String body) {
		try {
			GraphErrorResponse response = Json.mapper().readValue(body, GraphErrorResponse.class);
			return (response != null) ? response.error() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** HTTP status of the answer; 0 when there was none. */
	public int httpStatus() {
		return this.httpStatus;
	}

	/** Meta's {@code error.code}, or {@link #NO_GRAPH_ERROR}. */
	public int code() {
		return this.code;
	}

	public @Nullable Integer subcode() {
		return this.subcode;
	}

	public @Nullable String fbtraceId() {
		return this.fbtraceId;
	}

}
