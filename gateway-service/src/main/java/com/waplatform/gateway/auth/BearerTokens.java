package com.waplatform.gateway.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/** Reads {@code Authorization: Bearer <token>}. */
final class BearerTokens {

	private static final String BEARER = "bearer ";

	private BearerTokens() {
	}

	static @Nullable String of(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		String token = authorization.substring(BEARER.length()).strip();
		return token.isEmpty() ? null : token;
	}

}
