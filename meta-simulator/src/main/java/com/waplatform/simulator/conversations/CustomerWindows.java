package com.waplatform.simulator.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * When each customer last wrote to each business number: a customer message opens (or
 * renews) the 24-hour customer-service window. The window check on sends builds on this.
 */
@Component
public class CustomerWindows {

	/** The customer-service window: 24 hours from the customer's last message. */
	public static final Duration WINDOW = Duration.ofHours(24);

	private final Map<Key, Instant> lastInbound = new ConcurrentHashMap<>();

	public void customerWrote(String phoneNumberId, String waId, Instant at) {
		this.lastInbound.merge(new Key(phoneNumberId, waId), at, (old, now) -> now.isAfter(old) ? now : old);
	}

	/**
	 * Whether the customer wrote to the number within the 24 hours before {@code now}
	 * (Meta's customer-service window; the business's own messages do not extend it).
	 */
	public boolean isOpen(String phoneNumberId, String waId, Instant now) {
		return lastInbound(phoneNumberId, waId).map((at) -> at.plus(WINDOW).isAfter(now)).orElse(false);
	}

	public Optional<Instant> lastInbound(String phoneNumberId, String waId) {
		return Optional.ofNullable(this.lastInbound.get(new Key(phoneNumberId, waId)));
	}

	public void clear() {
		this.lastInbound.clear();
	}

	private record Key(String phoneNumberId, String waId) {
	}

}
