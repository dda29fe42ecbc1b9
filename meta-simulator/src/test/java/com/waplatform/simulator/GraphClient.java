package com.waplatform.simulator;

import java.time.Duration;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.accounts.Account;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A real HTTP client of the running simulator (reactor-netty's WebClient, as the
 * platform's sender uses), for tests of concurrency, latency, timeouts and resets.
 */
public final class GraphClient {

	private final WebClient client;

	public GraphClient(WebClient.Builder builder, Environment environment) {
		this.client = builder.baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
	}

	/** Posts a send; emits the answer (any status) or the client's error. */
	public Mono<Answer> send(Account account, String json) {
		return this.client.post()
			.uri("/v23.0/{id}/messages", account.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(account.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> new Answer(response.statusCode().value(),
						response.headers().contentType().map(MediaType::toString).orElse(""), body)));
	}

	public Answer sendAndWait(Account account, String json) {
		return send(account, json).block(Duration.ofSeconds(10));
	}

	public static String text(String to, String body) {
		return """
				{"messaging_product":"whatsapp","to":"%s","type":"text","text":{"body":"%s"}}""".formatted(to, body);
	}

	/** An answer: HTTP status, content type and body. */
	public record Answer(int status, String contentType, String body) {

		public JsonNode json() {
			return Json.mapper().readTree(this.body);
		}

		/** The Meta error code of an error answer. */
		public int code() {
			return json().get("error").get("code").asInt();
		}

	}

}
