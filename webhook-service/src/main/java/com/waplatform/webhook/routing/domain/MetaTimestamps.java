package com.waplatform.webhook.routing.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Meta's webhook timestamps: epoch seconds as a string. */
public final class MetaTimestamps {

	private MetaTimestamps() {
	}

	public static Instant epochSeconds(@Nullable String timestamp, String what) {
		if (timestamp == null) {
			throw new IllegalArgumentException(what + " without 'timestamp'");
		}
		try {
			return Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(what + " timestamp is not epoch seconds: '" + timestamp + "'");
		}
	}

}
