package com.waplatform.callback.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

/** A delivery as the log shows it (never its endpoint's secret). */
final class DeliveryViews {

	private DeliveryViews() {
	}

	static Map<String, Object> view(Readable row) {
		String state = row.get("state", String.class);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", String.valueOf(row.get("id", UUID.class)));
		view.put("eventId", String.valueOf(row.get("event_id", UUID.class)));
		view.put("eventType", row.get("event_type", String.class));
		view.put("messageId", row.get("message_id", String.class));
		view.put("state", state);
		view.put("attempts", row.get("attempts", Integer.class));
		view.put("lastStatusCode", row.get("last_status_code", Integer.class));
		view.put("lastError", row.get("last_error", String.class));
		view.put("lastAttemptAt", text(row.get("last_attempt_at", Instant.class)));
		view.put("nextAttemptAt",
				DeliveryStore.UNFINISHED.contains(state) ? text(row.get("next_attempt_at", Instant.class)) : null);
		view.put("deliveredAt", text(row.get("delivered_at", Instant.class)));
		view.put("createdAt", text(row.get("created_at", Instant.class)));
		UUID replayOf = row.get("replay_of", UUID.class);
		view.put("replayOf", (replayOf != null) ? replayOf.toString() : null);
		view.put("cursor", String.valueOf(row.get("seq", Long.class)));
		return view;
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
