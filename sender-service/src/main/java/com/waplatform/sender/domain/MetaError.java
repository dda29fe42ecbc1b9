package com.waplatform.sender.domain;

import java.util.regex.Pattern;

import com.waplatform.common.message.ErrorInfo;
import org.jspecify.annotations.Nullable;

/**
 * An error Meta answered to a send, reduced to what we classify and report.
 *
 * @param code Meta's {@code error.code}
 * @param title a human-readable title: {@code error_user_title}, else {@code message}
 * without its {@code (#code)} prefix
 * @param details {@code error_data.details}, the part Meta asks integrators to rely on
 * @param isTransient Meta's {@code is_transient} flag, when given
 */
public record MetaError(int code, String title, @Nullable String details, @Nullable Boolean isTransient) {

	private static final Pattern CODE_PREFIX = Pattern.compile("^\\(#\\d+\\)\\s*");

	public static MetaError of(int code, @Nullable String message, @Nullable String userTitle, @Nullable String details,
			@Nullable Boolean isTransient) {
		String title = (userTitle != null && !userTitle.isBlank()) ? userTitle
				: (message != null) ? CODE_PREFIX.matcher(message).replaceFirst("") : "Meta error " + code;
		return new MetaError(code, title, details, isTransient);
	}

	public ErrorInfo toErrorInfo() {
		return ErrorInfo.of(this.code, this.title, this.details);
	}

	@Override
	public String toString() {
		return "(#" + this.code + ") " + this.title + ((this.details != null) ? ": " + this.details : "");
	}

}
