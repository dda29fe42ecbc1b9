package com.waplatform.common.crypto;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialCipherTests {

	private static final String KEY = key(1);

	@Test
	void sealsAndOpens() {
		CredentialCipher cipher = new CredentialCipher(KEY);
		String sealed = cipher.seal("EAAG-access-token-ü");
		assertThat(sealed).doesNotContain("EAAG");
		assertThat(cipher.open(sealed)).isEqualTo("EAAG-access-token-ü");
		assertThat(new CredentialCipher(KEY).open(sealed)).isEqualTo("EAAG-access-token-ü");
	}

	@Test
	void sealingTwiceGivesDifferentValues() {
		CredentialCipher cipher = new CredentialCipher(KEY);
		assertThat(cipher.seal("token")).isNotEqualTo(cipher.seal("token"));
	}

	@Test
	void wrongKeyFails() {
		String sealed = new CredentialCipher(KEY).seal("token");
		assertThatIllegalStateException().isThrownBy(() -> new CredentialCipher(key(2)).open(sealed))
			.withMessageContaining("wrong key or corrupted value");
	}

	@Test
	void tamperedCiphertextFails() {
		CredentialCipher cipher = new CredentialCipher(KEY);
		byte[] sealed = Base64.getDecoder().decode(cipher.seal("token"));
		for (int i = 0; i < sealed.length; i++) {
			byte[] tampered = sealed.clone();
			tampered[i] ^= 0x01;
			String value = Base64.getEncoder().encodeToString(tampered);
			assertThatIllegalStateException().as("bit flipped in byte %d", i).isThrownBy(() -> cipher.open(value));
		}
		assertThatIllegalStateException().isThrownBy(() -> cipher.open("not base64 !"));
		assertThatIllegalStateException()
			.isThrownBy(() -> cipher.open(Base64.getEncoder().encodeToString(new byte[8])));
	}

	@Test
	void keyMustBe256Bits() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(new byte[33])));
	}

	private static String key(int fill) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) fill);
		return Base64.getEncoder().encodeToString(key);
	}

}
