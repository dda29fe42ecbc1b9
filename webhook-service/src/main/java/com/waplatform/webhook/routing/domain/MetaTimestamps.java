package com.waplatform.webhook.routing.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Meta's webhook timestamps: epoch seconds, as a string in {@code messages} and
 * {@code statuses}, as a JSON number in {@code user_preferences} (and in some libraries'
 * fixtures of messages). Both mean the same instant, so both are read; anything else is
 * refused.
 */
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
			throw new IllegalArgumentException(
					what + " timestamp is not epoch seconds: '" + LogText.of(timestamp) + "'");
		}
	}

	/** A timestamp given as a JSON number or a string of digits. */
	public static Instant epochSeconds(JsonNode timestamp, String what) {
		if (timestamp.isIntegralNumber() && timestamp.canConvertToLong()) {
			return Instant.ofEpochSecond(timestamp.longValue());
		}
		if (timestamp.isString()) {
			return epochSeconds(timestamp.stringValue(), what);
		}
		if (timestamp.isMissingNode() || timestamp.isNull()) {
			return epochSeconds((String) null, what);
		}
		throw new IllegalArgumentException(
				what + " timestamp is not epoch seconds: " + LogText.of(timestamp.toString()));
	}

}
