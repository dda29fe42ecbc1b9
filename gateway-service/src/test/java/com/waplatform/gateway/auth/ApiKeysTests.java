package com.waplatform.gateway.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

	@Test
	void keysAreRandomUrlSafeAndRecognisable() {
		String key = ApiKeys.generate();
		assertThat(key).startsWith("wak_").hasSize(47).matches("wak_[A-Za-z0-9_-]{43}");
		assertThat(ApiKeys.looksLikeKey(key)).isTrue();
		assertThat(ApiKeys.generate()).isNotEqualTo(key);
		assertThat(ApiKeys.displayPrefix(key)).hasSize(10).isEqualTo(key.substring(0, 10));
	}

	@Test
	void hashIsSha256Hex() {
		assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void bearerValuesOfAnotherShapeAreNotKeys() {
		assertThat(ApiKeys.looksLikeKey("wak_short")).isFalse();
		assertThat(ApiKeys.looksLikeKey("sk_" + "x".repeat(44))).isFalse();
	}

}
