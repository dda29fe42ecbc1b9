package com.waplatform.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals credentials (Meta access tokens, app secrets) with AES-256-GCM so they are never
 * stored or published in clear text. Output: Base64 of {@code iv || ciphertext+tag}.
 */
public final class CredentialCipher {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	/**
	 * @param base64Key a 256-bit key, Base64 encoded
	 */
	public CredentialCipher(String base64Key) {
		byte[] raw = Base64.getDecoder().decode(base64Key);
		if (raw.length != 32) {
			throw new IllegalArgumentException("The credential key must be 32 bytes (Base64 of 256 bits)");
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	public String seal(String plainText) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal credential", ex);
		}
	}

	public String open(String sealedBase64) {
		try {
			byte[] in = Base64.getDecoder().decode(sealedBase64);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// no cause message: it could echo key material
			throw new IllegalStateException("Cannot open sealed credential (wrong key or corrupted value)");
		}
	}

}
