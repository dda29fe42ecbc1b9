package com.waplatform.simulator.graph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids shaped like Meta's: {@code wamid.} + base64 of a small binary record
 * holding the recipient's wa_id and an 18-hex-digit id (e.g.
 * {@code wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA}). Unique per
 * process: a random prefix and a counter.
 */
public final class Wamids {

	private static final String PREFIX = randomHex();

	private static final AtomicLong COUNTER = new AtomicLong();

	private Wamids() {
	}

	public static String next(String waId) {
		byte[] recipient = waId.getBytes(StandardCharsets.US_ASCII);
		String id = PREFIX + String.format(Locale.ROOT, "%010X", COUNTER.incrementAndGet() & 0xFF_FFFF_FFFFL);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(0x1C);
		bytes.write(0x18);
		bytes.write(recipient.length);
		bytes.writeBytes(recipient);
		bytes.writeBytes(new byte[] { 0x15, 0x02, 0x00, 0x11, 0x18, 0x12 });
		bytes.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
		bytes.write(0x00);
		return "wamid." + Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	private static String randomHex() {
		byte[] random = new byte[4];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().withUpperCase().formatHex(random);
	}

}
