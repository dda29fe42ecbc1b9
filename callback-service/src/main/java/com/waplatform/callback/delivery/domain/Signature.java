package com.waplatform.callback.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Signature} header of a callback, Stripe's scheme:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. The timestamp is
 * signed with the body, so a receiver that refuses old timestamps refuses replays of a
 * captured request.
 */
public final class Signature {

	public static final String HEADER = "X-Signature";

	private Signature() {
	}

	/** The header value for a body sent at {@code unixSeconds}. */
	public static String header(String secret, long unixSeconds, byte[] body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds, body);
	}

	static String hmac(String secret, long unixSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			// HmacSHA256 is in every JDK
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
