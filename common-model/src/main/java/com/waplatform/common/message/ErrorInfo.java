package com.waplatform.common.message;

import org.jspecify.annotations.Nullable;

/**
 * Why a message failed: Meta's error code, title and details, or one of our own reasons
 * ({@code code} null) such as an expired time-to-live.
 */
public record ErrorInfo(@Nullable Integer code, String title, @Nullable String details) {

	public static ErrorInfo of(int code, String title, @Nullable String details) {
		return new ErrorInfo(code, title, details);
	}

	public static ErrorInfo reason(String title, @Nullable String details) {
		return new ErrorInfo(null, title, details);
	}

}
