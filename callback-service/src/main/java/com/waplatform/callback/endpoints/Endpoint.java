package com.waplatform.callback.endpoints;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored callback endpoint. Its secret stays sealed here; it is shown once, when made.
 *
 * @param disabledReason why it was disabled automatically; null otherwise
 */
public record Endpoint(UUID id, String organizationId, String url, List<String> events, @Nullable String description,
		boolean enabled, @Nullable String disabledReason, @Nullable Instant disabledAt, int consecutiveFailures,
		@Nullable Instant secretRotatedAt, Instant createdAt, Instant updatedAt) {

	/** What the API shows (never the secret). */
	public Map<String, Object> view() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", this.id.toString());
		view.put("url", this.url);
		view.put("events", this.events);
		view.put("description", this.description);
		view.put("enabled", this.enabled);
		view.put("disabledReason", this.disabledReason);
		view.put("disabledAt", (this.disabledAt != null) ? this.disabledAt.toString() : null);
		view.put("consecutiveFailures", this.consecutiveFailures);
		view.put("secretRotatedAt", (this.secretRotatedAt != null) ? this.secretRotatedAt.toString() : null);
		view.put("createdAt", this.createdAt.toString());
		view.put("updatedAt", this.updatedAt.toString());
		return view;
	}

}
