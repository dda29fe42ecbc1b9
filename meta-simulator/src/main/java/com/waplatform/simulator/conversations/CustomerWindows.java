package com.waplatform.simulator.conversations;

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

	private final Map<Key, Instant> lastInbound = new ConcurrentHashMap<>();

	public void customerWrote(String phoneNumberId, String waId, Instant at) {
		this.lastInbound.merge(new Key(phoneNumberId, waId), at, (old, now) -> now.isAfter(old) ? now : old);
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
