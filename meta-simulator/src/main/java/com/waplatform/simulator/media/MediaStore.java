package com.waplatform.simulator.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;

import org.springframework.stereotype.Component;

/**
 * The media files the simulator holds, in memory (at most
 * {@code simulator.media.max-objects}, the oldest dropped first), and the short-lived
 * signed download URLs it hands out for them: like Meta's, a URL works for
 * {@code simulator.media.url-ttl} and only with a token of the file's WABA.
 */
@Component
public class MediaStore {

	private final Map<String, MediaObject> objects = new LinkedHashMap<>();

	private final AtomicLong nextId = new AtomicLong(1_500_000_000_000_000L);

	private final byte[] urlKey = new byte[32];

	private final SimulatorProperties.Media settings;

	private final Clock clock = Clock.systemUTC();

	public MediaStore(SimulatorProperties properties) {
		this.settings = properties.media();
		new SecureRandom().nextBytes(this.urlKey);
	}

	/** Stores a file uploaded by (or sent to) {@code account}'s number under a new id. */
	public MediaObject store(Account account, String mimeType, byte[] bytes) {
		return store(Long.toString(this.nextId.incrementAndGet()), account, mimeType, bytes);
	}

	/** Stores a file under the given id (replacing a file of that id). */
	public synchronized MediaObject store(String id, Account account, String mimeType, byte[] bytes) {
		MediaObject object = new MediaObject(id, account.phoneNumberId(), account.wabaId(), mimeType, bytes.clone(),
				sha256Hex(bytes), Instant.now(this.clock));
		this.objects.remove(id);
		this.objects.put(id, object);
		while (this.objects.size() > this.settings.maxObjects()) {
			this.objects.remove(this.objects.keySet().iterator().next());
		}
		return object;
	}

	/**
	 * A customer's file for an inbound message: a small made-up file of that type (a
	 * customer's phone does not tell the simulator what the picture shows), under
	 * {@code id} if given, else a new id.
	 */
	public MediaObject customerFile(Account account, String kind, String mimeType, String id, byte[] content) {
		byte[] bytes = (content.length > 0) ? content
				: ("simulated " + kind + " " + id + " (" + mimeType + ")").getBytes(StandardCharsets.UTF_8);
		return store(id, account, mimeType, bytes);
	}

	public String newId() {
		return Long.toString(this.nextId.incrementAndGet());
	}

	public synchronized Optional<MediaObject> find(String id) {
		return Optional.ofNullable(this.objects.get(id));
	}

	public synchronized boolean contains(String id) {
		return this.objects.containsKey(id);
	}

	public synchronized boolean delete(String id) {
		return this.objects.remove(id) != null;
	}

	public synchronized void clear() {
		this.objects.clear();
	}

	/**
	 * The query of a download URL of {@code id}, valid until now + the URL's TTL:
	 * {@code mid=<id>&ext=<expiry epoch second>&hash=<signature>}.
	 */
	public String downloadQuery(String id) {
		long expires = Instant.now(this.clock).plus(this.settings.urlTtl()).getEpochSecond();
		return "mid=" + id + "&ext=" + expires + "&hash=" + sign(id, expires);
	}

	/** Whether a download URL's parameters are the simulator's and not yet expired. */
	public boolean validDownload(String id, long expires, String hash) {
		return Instant.now(this.clock).getEpochSecond() <= expires && MessageDigest
			.isEqual(sign(id, expires).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
	}

	private String sign(String id, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.urlKey, "HmacSHA256"));
			byte[] signature = mac.doFinal((id + ":" + expires).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

}
