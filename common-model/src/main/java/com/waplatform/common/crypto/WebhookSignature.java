package com.waplatform.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256}: {@code sha256=} + hex HMAC-SHA256 of the raw body
 * with the app secret. Verified on the raw bytes with a constant-time comparison.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-Hub-Signature-256";

	private static final String PREFIX = "sha256=";

	private WebhookSignature() {
	}

	public static String sign(String appSecret, byte[] body) {
		return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
	}

	public static boolean verify(String appSecret, byte[] body, String header) {
		if (header == null || !header.startsWith(PREFIX)) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(hmac(appSecret, body), given);
	}

	private static byte[] hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
