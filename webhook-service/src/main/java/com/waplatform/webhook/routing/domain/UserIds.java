package com.waplatform.webhook.routing.domain;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Meta's business-scoped user ids (BSUIDs: {@code from_user_id},
 * {@code contacts[].user_id}, e.g. {@code US.13491208655302741918} or
 * {@code user.<64 hex>}). Meta does not promise a format, so any short token of letters,
 * digits, dots, dashes and underscores is taken as one; blank text is none, and anything
 * else (spaces, brackets, control characters: a placeholder or garbage) is refused, so it
 * can never become a customer key.
 */
public final class UserIds {

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private UserIds() {
	}

	/**
	 * The user id, {@code null} when blank.
	 * @throws IllegalArgumentException when the text is not shaped like a user id
	 */
	public static @Nullable String of(@Nullable String userId) {
		if (userId == null || userId.isBlank()) {
			return null;
		}
		String id = userId.strip();
		if (!USER_ID.matcher(id).matches()) {
			throw new IllegalArgumentException("'" + LogText.of(userId) + "' is not a business-scoped user id");
		}
		return id;
	}

}
