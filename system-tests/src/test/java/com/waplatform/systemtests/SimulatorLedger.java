package com.waplatform.systemtests;

import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

/** What the Meta simulator's ledger says about our sends (its admin API). */
final class SimulatorLedger {

	private final WebTestClient simulator;

	SimulatorLedger(WebTestClient simulator) {
		this.simulator = simulator;
	}

	/**
	 * How many times Meta accepted a message with this callback data (our message id).
	 */
	long count(String messageId) {
		JsonNode count = this.simulator.get()
			.uri((uri) -> uri.path("/admin/ledger/count").queryParam("callbackData", messageId).build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return count.isNumber() ? count.asLong() : count.get("count").asLong();
	}

	/**
	 * The body text the simulator rendered for the message Meta knows as {@code wamid}.
	 */
	String renderedBody(String wamid) {
		return this.simulator.get()
			.uri("/admin/ledger/{wamid}/rendered", wamid)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("body")
			.asString();
	}

}
