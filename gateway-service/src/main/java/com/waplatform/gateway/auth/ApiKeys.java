package com.waplatform.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: {@code wak_} and 32 random bytes (Base64url). Only their SHA-256 is stored. A
 * fast unsalted hash is the right tool here: the keys carry 256 bits of entropy, so
 * neither a dictionary nor brute force helps, and a fast hash lets every request be
 * authenticated with one indexed lookup (slow password hashes exist for low-entropy,
 * human-chosen secrets).
 */
public final class ApiKeys {

	static final String PREFIX = "wak_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeys() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

	/**
	 * The first characters of a key, stored so that a key can be recognised in a list.
	 */
	public static String displayPrefix(String key) {
		return key.substring(0, Math.min(key.length(), PREFIX.length() + 6));
	}

	/** Whether a bearer value has the shape of an API key (checked before any lookup). */
	static boolean looksLikeKey(String value) {
		return value.startsWith(PREFIX) && value.length() == PREFIX.length() + 43;
	}

}
