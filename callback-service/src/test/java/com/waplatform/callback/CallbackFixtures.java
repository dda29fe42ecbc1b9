package com.waplatform.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.json.Json;
import com.waplatform.common.message.MessageStatus;
import com.waplatform.common.message.StatusEvent;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls of the internal API, events, and a receiver's own signature check. */
final class CallbackFixtures {

	static final String SERVICE_TOKEN = "callback-tests-service-token";

	static final Duration WAIT = Duration.ofSeconds(60);

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private CallbackFixtures() {
	}

	static WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String path, String org,
			String json) {
		WebTestClient.RequestBodySpec request = client.method(method)
			.uri((uri) -> uri.path(path).queryParam("organizationId", org).build())
			.headers((headers) -> headers.setBearerAuth(SERVICE_TOKEN));
		return (json != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
				: request.exchange();
	}

	static Map<String, Object> register(WebTestClient client, String org, String url, String events) {
		return call(client, HttpMethod.POST, "/internal/callbacks", org,
				"{\"url\": \"" + url + "\", \"events\": " + events + ", \"description\": \"tests\"}")
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	static Map<String, Object> get(WebTestClient client, String org, String path) {
		return call(client, HttpMethod.GET, path, org, null).expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> deliveries(WebTestClient client, String org, String endpointId) {
		return (List<Map<String, Object>>) get(client, org, "/internal/callbacks/" + endpointId + "/deliveries")
			.get("items");
	}

	static StatusEvent status(String org, String messageId, MessageStatus status) {
		return StatusEvent.of(org, messageId, status, Instant.now(), "pn-1", "+14155550123", null, null);
	}

	static InboundMessage inbound(String org, String customer, String wamid, String text) {
		return InboundMessage.text(org, "pn-1", customer, "Ann", wamid, Instant.now(), text, null);
	}

	/**
	 * The receiver's side, written apart from the service's code: parses
	 * {@code t=...,v1=...} and compares HMAC-SHA256(secret, t + "." + body) in constant
	 * time.
	 */
	static boolean validSignature(String secret, Receiver.Request request) {
		try {
			String t = null;
			String v1 = null;
			for (String part : request.signature().split(",")) {
				String[] pair = part.split("=", 2);
				if (pair[0].equals("t")) {
					t = pair[1];
				}
				else if (pair[0].equals("v1")) {
					v1 = pair[1];
				}
			}
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8));
			boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
			return fresh && MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
		}
		catch (Exception ex) {
			return false;
		}
	}

	static JsonNode body(Receiver.Request request) {
		return Json.mapper().readTree(request.body());
	}

}
