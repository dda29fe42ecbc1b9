package com.waplatform.systemtests.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What "Meta" saw, read from the simulator's admin API: the per-second timeline of
 * accepted sends, refusals by code, and the ledger of accepted messages.
 */
public final class SimulatorView {

	private final JsonHttp http = new JsonHttp();

	private final String url;

	public SimulatorView(String url) {
		this.url = url;
	}

	/** Accepted sends per epoch second, from the number's first counted send to now. */
	Map<Long, Integer> timeline(String phoneNumberId) {
		Map<Long, Integer> accepted = new LinkedHashMap<>();
		for (JsonNode second : this.http.get(this.url + "/admin/stats/" + phoneNumberId + "/timeline")) {
			accepted.put(second.get("second").asLong(), second.get("accepted").asInt());
		}
		return accepted;
	}

	/** Refusals by Meta error code for the number (injected faults not included). */
	Map<String, Long> rejections(String phoneNumberId) {
		Map<String, Long> rejected = new LinkedHashMap<>();
		JsonNode number = this.http.get(this.url + "/admin/stats").path("numbers").path(phoneNumberId);
		number.path("rejected")
			.properties()
			.forEach((entry) -> rejected.put(entry.getKey(), entry.getValue().asLong()));
		return rejected;
	}

	/** Injected faults by kind for the number. */
	public Map<String, Long> faults(String phoneNumberId) {
		Map<String, Long> faults = new LinkedHashMap<>();
		JsonNode number = this.http.get(this.url + "/admin/stats").path("numbers").path(phoneNumberId);
		number.path("faults").properties().forEach((entry) -> faults.put(entry.getKey(), entry.getValue().asLong()));
		return faults;
	}

	public void clearStats() {
		this.http.delete(this.url + "/admin/stats");
	}

	public List<Sent> ledger(String phoneNumberId) {
		List<Sent> sent = new ArrayList<>();
		String query = "/admin/ledger?phoneNumberId=" + URLEncoder.encode(phoneNumberId, StandardCharsets.UTF_8);
		for (JsonNode entry : this.http.get(this.url + query)) {
			JsonNode callbackData = entry.path("bizOpaqueCallbackData");
			sent.add(new Sent(callbackData.isString() ? callbackData.asString() : null, entry.path("to").asString(),
					millis(entry.path("receivedAt")), entry.path("renderedText").asString("")));
		}
		return sent;
	}

	/**
	 * Status webhooks the simulator delivered and gave up on (after its retries), by
	 * status, from its Prometheus counters.
	 */
	public Map<String, Map<String, Long>> webhooks() {
		Map<String, Map<String, Long>> webhooks = new LinkedHashMap<>();
		for (String line : this.http.text(this.url + "/actuator/prometheus").split("\n")) {
			for (String outcome : List.of("delivered", "failed")) {
				String prefix = "simulator_webhooks_" + outcome + "_total{";
				if (line.startsWith(prefix)) {
					String kind = line.replaceAll(".*kind=\"([^\"]*)\".*", "$1");
					long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					webhooks.computeIfAbsent(outcome, (key) -> new LinkedHashMap<>()).put(kind, count);
				}
			}
		}
		return webhooks;
	}

	public long ledgerSize() {
		return this.http.get(this.url + "/admin/ledger/count").get("count").asLong();
	}

	private static long millis(JsonNode instant) {
		if (instant.isNumber()) {
			// seconds with a fraction (Jackson's numeric timestamps)
			return (long) (instant.asDouble() * 1000);
		}
		return Instant.parse(instant.asString()).toEpochMilli();
	}

	/**
	 * One accepted send: our message id as Meta echoes it, the recipient, when, and the
	 * text the customer reads.
	 */
	public record Sent(@Nullable String callbackData, String to, long receivedAtMillis, String text) {
	}

}
