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
public final class Seeder {

	static final String APP_SECRET = "bench-app-secret";

	private final JsonHttp http = new JsonHttp();

	private final BenchPlatform platform;

	private String organizationId = "";

	/** How many times the access tokens were rotated. */
	private int rotations;

	public Seeder(BenchPlatform platform) {
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
	public String seed(List<BenchNumber> numbers, Map<String, Object> faults, @Nullable String webhookUrl) {
		String simulator = this.platform.simulatorUrl();
		pointWebhooks(numbers, webhookUrl);
		this.http.delete(simulator + "/admin/faults");
		this.http.post(simulator + "/admin/faults", faults, Map.of());

		String gateway = this.platform.gatewayUrl();
		Map<String, String> admin = Map.of("Authorization", "Bearer " + this.platform.adminToken());
		JsonNode organization = this.http.post(gateway + "/v1/admin/organizations",
				Map.of("name", "Bench Tours", "appSecret", APP_SECRET), admin);
		this.organizationId = organization.get("id").asString();
		registerNumbers(numbers);
		return this.http.post(gateway + "/v1/admin/organizations/" + this.organizationId + "/api-keys", Map.of(), admin)
			.get("key")
			.asString();
	}

	/** From now on the simulator answers every send of the numbers with 190. */
	void expireTokens(List<BenchNumber> numbers) {
		for (BenchNumber number : numbers) {
			this.http.post(this.platform.simulatorUrl() + "/admin/faults",
					Map.of("phoneNumberId", number.phoneNumberId(), "expiredToken", true), Map.of());
		}
	}

	/** The numbers are back under the scenario's (global) fault profile. */
	void restoreFaults(List<BenchNumber> numbers) {
		for (BenchNumber number : numbers) {
			this.http.delete(this.platform.simulatorUrl() + "/admin/faults?phoneNumberId=" + number.phoneNumberId());
		}
	}

	/**
	 * Gives the numbers new access tokens, at the simulator first and then through the
	 * gateway's admin API (credential rotation), which resumes a paused organization.
	 */
	void rotateTokens(List<BenchNumber> numbers, @Nullable String webhookUrl) {
		this.rotations++;
		pointWebhooks(numbers, webhookUrl);
		registerNumbers(numbers);
	}

	private void registerNumbers(List<BenchNumber> numbers) {
		Map<String, String> admin = Map.of("Authorization", "Bearer " + this.platform.adminToken());
		for (int i = 0; i < numbers.size(); i++) {
			BenchNumber number = numbers.get(i);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("phoneNumberId", number.phoneNumberId());
			body.put("wabaId", number.wabaId());
			body.put("displayPhoneNumber", number.displayPhoneNumber());
			body.put("accessToken", token(number));
			body.put("throughputPerSecond", number.limitPerSecond());
			body.put("default", i == 0);
			this.http.post(
					this.platform.gatewayUrl() + "/v1/admin/organizations/" + this.organizationId + "/phone-numbers",
					body, admin);
		}
	}

	private String token(BenchNumber number) {
		return number.accessToken() + ((this.rotations > 0) ? "-r" + this.rotations : "");
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
			account.put("accessToken", token(number));
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
	public record BenchNumber(String phoneNumberId, String wabaId, String displayPhoneNumber, String accessToken,
			int limitPerSecond, int messages) {
	}

}
