package com.waplatform.systemtests.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Sets a scenario up the way an operator would: the simulator learns the accounts (same
 * tokens and app secret, the number's throughput, the 24-hour window rule off so that
 * text messages need no inbound first) and the fault profile; the gateway's admin API
 * gets the organization, its numbers and an API key.
 */
final class Seeder {

	static final String APP_SECRET = "bench-app-secret";

	private final JsonHttp http = new JsonHttp();

	private final BenchPlatform platform;

	Seeder(BenchPlatform platform) {
		this.platform = platform;
	}

	/** One WABA per number, so that webhooks spread over partitions as they would. */
	static List<BenchNumber> numbers(Scenario scenario) {
		List<BenchNumber> numbers = new ArrayList<>();
		for (int i = 0; i < scenario.numbers().size(); i++) {
			Scenario.NumberPlan plan = scenario.numbers().get(i);
			numbers.add(new BenchNumber("10900000000%04d".formatted(i), "10910000000%04d".formatted(i),
					"+1555010%04d".formatted(i), "bench-access-token-" + i, plan.limitPerSecond(), plan.messages()));
		}
		return numbers;
	}

	/**
	 * Answers the organization's API key.
	 * @param webhookUrl where the simulator posts the numbers' status webhooks (null: to
	 * the gateway)
	 */
	String seed(List<BenchNumber> numbers, Map<String, Object> faults, @Nullable String webhookUrl) {
		String simulator = this.platform.simulatorUrl();
		pointWebhooks(numbers, webhookUrl);
		this.http.delete(simulator + "/admin/faults");
		this.http.post(simulator + "/admin/faults", faults, Map.of());

		String gateway = this.platform.gatewayUrl();
		Map<String, String> admin = Map.of("Authorization", "Bearer " + this.platform.adminToken());
		JsonNode organization = this.http.post(gateway + "/v1/admin/organizations",
				Map.of("name", "Bench Tours", "appSecret", APP_SECRET), admin);
		String organizationId = organization.get("id").asString();
		for (int i = 0; i < numbers.size(); i++) {
			BenchNumber number = numbers.get(i);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("phoneNumberId", number.phoneNumberId());
			body.put("wabaId", number.wabaId());
			body.put("displayPhoneNumber", number.displayPhoneNumber());
			body.put("accessToken", number.accessToken());
			body.put("throughputPerSecond", number.limitPerSecond());
			body.put("default", i == 0);
			this.http.post(gateway + "/v1/admin/organizations/" + organizationId + "/phone-numbers", body, admin);
		}
		return this.http.post(gateway + "/v1/admin/organizations/" + organizationId + "/api-keys", Map.of(), admin)
			.get("key")
			.asString();
	}

	/**
	 * (Re)defines the numbers' simulator accounts; status webhooks of messages accepted
	 * from now on go to {@code webhookUrl}, or to the gateway when null.
	 */
	void pointWebhooks(List<BenchNumber> numbers, @Nullable String webhookUrl) {
		for (BenchNumber number : numbers) {
			Map<String, Object> account = new LinkedHashMap<>();
			account.put("wabaId", number.wabaId());
			account.put("phoneNumberId", number.phoneNumberId());
			account.put("displayPhoneNumber", number.displayPhoneNumber());
			account.put("accessToken", number.accessToken());
			account.put("appSecret", APP_SECRET);
			account.put("throughputPerSecond", number.limitPerSecond());
			account.put("enforceServiceWindow", false);
			if (webhookUrl != null) {
				account.put("webhookUrl", webhookUrl);
			}
			this.http.post(this.platform.simulatorUrl() + "/admin/accounts", account, Map.of());
		}
	}

	/** A business number of the run. */
	record BenchNumber(String phoneNumberId, String wabaId, String displayPhoneNumber, String accessToken,
			int limitPerSecond, int messages) {
	}

}
