package com.waplatform.callback.endpoints.domain;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets: {@value #PREFIX} and 32 random bytes (256 bits), Base64url without
 * padding. Receivers use the whole string, prefix included, as the HMAC key.
 */
public final class Secrets {

	public static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
