package com.waplatform.sender.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Message ids Meta confirmed recently (a status webhook arrived for them), with their
 * {@code wamid}: a verification that starts after the status arrived (a row found SENDING
 * while partitions are being taken over) still finds it. Bounded: the oldest are
 * forgotten.
 */
@Component
class StatusMemory {

	private final Map<String, String> confirmed;

	StatusMemory(VerificationProperties properties) {
		int capacity = properties.rememberedStatuses();
		this.confirmed = new LinkedHashMap<>(1024, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > capacity;
			}

		};
	}

	synchronized void remember(String messageId, String wamid) {
		this.confirmed.putIfAbsent(messageId, wamid);
	}

	/** Meta's wamid for the message ("" if Meta confirmed it without one). */
	synchronized Optional<String> lookup(String messageId) {
		return Optional.ofNullable(this.confirmed.get(messageId));
	}

}
