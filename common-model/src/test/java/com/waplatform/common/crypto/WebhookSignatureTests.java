package com.waplatform.common.crypto;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	private static final String SECRET = "app-secret-123";

	private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * Computed independently: {@code printf '%s' "$BODY" | openssl dgst -sha256 -hmac
	 * app-secret-123}.
	 */
	private static final String OPENSSL = "sha256=20e391a99a86fc5adf7e3a453236d20c906360291977896cf2f671e03bb95703";

	@Test
	void signsLikeOpenssl() {
		assertThat(WebhookSignature.sign(SECRET, BODY)).isEqualTo(OPENSSL);
	}

	@Test
	void verifiesTheKnownVector() {
		assertThat(WebhookSignature.verify(SECRET, BODY, OPENSSL)).isTrue();
		assertThat(WebhookSignature.verify(SECRET, BODY,
				OPENSSL.toUpperCase(java.util.Locale.ROOT).replace("SHA256=", "sha256=")))
			.isTrue();
	}

	@Test
	void rejectsTheWrongSecret() {
		assertThat(WebhookSignature.verify("app-secret-124", BODY, OPENSSL)).isFalse();
	}

	@Test
	void rejectsMalformedHeaders() {
		assertThat(WebhookSignature.verify(SECRET, BODY, null)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, BODY, "")).isFalse();
		assertThat(WebhookSignature.verify(SECRET, BODY, OPENSSL.substring("sha256=".length()))).isFalse();
		assertThat(WebhookSignature.verify(SECRET, BODY, "sha1=" + OPENSSL.substring("sha256=".length()))).isFalse();
		assertThat(WebhookSignature.verify(SECRET, BODY, "sha256=zz" + OPENSSL.substring(9))).isFalse();
		assertThat(WebhookSignature.verify(SECRET, BODY, OPENSSL.substring(0, OPENSSL.length() - 2))).isFalse();
		assertThat(WebhookSignature.verify(SECRET, BODY, OPENSSL + "00")).isFalse();
	}

	@Test
	void rejectsAnyOneBitChangeOfTheBody() {
		for (int i = 0; i < BODY.length; i++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] changed = BODY.clone();
				changed[i] ^= (byte) (1 << bit);
				assertThat(WebhookSignature.verify(SECRET, changed, OPENSSL)).as("byte %d bit %d", i, bit).isFalse();
			}
		}
	}

}
