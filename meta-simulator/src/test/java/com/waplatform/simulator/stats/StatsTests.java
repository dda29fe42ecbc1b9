package com.waplatform.simulator.stats;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestNumbers;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/stats}, the per-second timeline and the Prometheus counters. */
@SimulatorTest
class StatsTests {

	private final WebTestClient client;

	private final AccountRegistry accounts;

	StatsTests(@Autowired WebTestClient client, @Autowired AccountRegistry accounts) {
		this.client = client;
		this.accounts = accounts;
	}

	@Test
	void countsWhatEachNumberReceivedAcceptedAndRefused() {
		Account account = TestNumbers.add(this.accounts, null, 1000, true, 1000);
		for (int i = 0; i < 3; i++) {
			send(account, """
					{"messaging_product":"whatsapp","to":"+16505559200","type":"template",
					 "template":{"name":"welcome_message","language":{"code":"en"},
					  "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}}""");
		}
		send(account, """
				{"messaging_product":"whatsapp","to":"+16505559200","text":{"body":"no window"}}""");
		send(account, """
				{"messaging_product":"whatsapp","to":"12"}""");
		JsonNode number = get("/admin/stats").get("numbers").get(account.phoneNumberId());
		assertThat(number.get("received").asInt()).isEqualTo(5);
		assertThat(number.get("accepted").asInt()).isEqualTo(3);
		assertThat(number.get("rejected")).isEqualTo(Json.mapper().readTree("""
				{"131009":1,"131047":1}"""));
		assertThat(number.get("faults")).isEmpty();
		assertThat(number.get("acceptedPerSecond")).hasSize(120);
		assertThat(sum(number.get("acceptedPerSecond"), null)).isEqualTo(3);
		JsonNode timeline = get("/admin/stats/" + account.phoneNumberId() + "/timeline");
		assertThat(sum(timeline, "accepted")).isEqualTo(3);
		assertThat(sum(timeline, "rejected")).isEqualTo(2);
		assertThat(timeline.get(0).get("second").asLong()).isCloseTo(System.currentTimeMillis() / 1000,
				org.assertj.core.data.Offset.offset(30L));
		assertThat(get("/admin/stats/300000000009999/timeline")).isEmpty();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics)
				.contains("simulator_messages_received_total{application=\"meta-simulator\",phone_number_id=\""
						+ account.phoneNumberId() + "\"} 5.0")
				.contains("simulator_messages_accepted_total{application=\"meta-simulator\",phone_number_id=\""
						+ account.phoneNumberId() + "\"} 3.0"));
	}

	private static long sum(JsonNode array, String field) {
		long sum = 0;
		for (JsonNode element : array) {
			sum += (field != null) ? element.get(field).asLong() : element.asLong();
		}
		return sum;
	}

	private void send(Account account, String json) {
		this.client.post()
			.uri("/v23.0/{id}/messages", account.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(account.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectBody()
			.returnResult();
	}

	private JsonNode get(String uri) {
		return Json.mapper()
			.readTree(this.client.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody());
	}

}
