package com.waplatform.callback.delivery.domain;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureTests {

	private static final String EXPECTED = "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789";

	/**
	 * A vector computed independently: {@code printf '1700000000.{"a":1}' | openssl dgst
	 * -sha256 -hmac whsec_test}.
	 */
	@Test
	void signsTheTimestampDotBodyWithHmacSha256() {
		String header = Signature.header("whsec_test", 1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		assertThat(header).isEqualTo("t=1700000000,v1=" + EXPECTED);
	}

}
