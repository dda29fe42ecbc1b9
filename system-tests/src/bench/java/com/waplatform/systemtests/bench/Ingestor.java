package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.waplatform.common.json.Json;

/**
 * Sends messages the way a customer backend does: {@code POST /v1/messages} with an API
 * key and an {@code Idempotency-Key}, through the JDK's non-blocking client with bounded
 * concurrency. A 5xx or a connection failure is retried with the same key; the 202's
 * arrival is the message's accept time.
 */
public final class Ingestor {

	private static final int MAX_ATTEMPTS = 5;

	private static final long BACKOFF_STEP_MILLIS = 200;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI messages;

	private final String apiKey;

	private final StatusTracker tracker;

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	private final int maxAttempts;

	private final long maxBackoffMillis;

	Ingestor(String gatewayUrl, String apiKey, StatusTracker tracker) {
		this(gatewayUrl, apiKey, tracker, MAX_ATTEMPTS, Long.MAX_VALUE);
	}

	/**
	 * A customer that keeps retrying (same {@code Idempotency-Key}) up to
	 * {@code maxAttempts} times, waiting 200 ms more after each attempt, at most
	 * {@code maxBackoffMillis}: the chaos scenarios retry through a gateway restart.
	 */
	public Ingestor(String gatewayUrl, String apiKey, StatusTracker tracker, int maxAttempts, long maxBackoffMillis) {
		this.messages = URI.create(gatewayUrl + "/v1/messages");
		this.apiKey = apiKey;
		this.tracker = tracker;
		this.maxAttempts = maxAttempts;
		this.maxBackoffMillis = maxBackoffMillis;
	}

	/** As fast as the gateway accepts, at most {@code concurrency} requests in flight. */
	public void sendAll(List<Outgoing> outgoing, int concurrency) {
		Semaphore permits = new Semaphore(concurrency);
		List<CompletableFuture<Void>> sent = new ArrayList<>(outgoing.size());
		for (Outgoing message : outgoing) {
			permits.acquireUninterruptibly();
			sent.add(send(message, UUID.randomUUID().toString(), 1).whenComplete((ok, failure) -> permits.release()));
		}
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
	}

	/** Open loop at a fixed rate (for latency: no backlog forms below the limit). */
	public void sendPaced(List<Outgoing> outgoing, double perSecond) {
		long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
		long start = System.nanoTime();
		List<CompletableFuture<Void>> sent = new ArrayList<>(outgoing.size());
		for (int i = 0; i < outgoing.size(); i++) {
			long due = start + i * interval;
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			sent.add(send(outgoing.get(i), UUID.randomUUID().toString(), 1));
		}
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
	}

	/** Requests that never got a 202, by final answer ("http_422", "io"). */
	public Map<String, Integer> failures() {
		return Map.copyOf(this.failures);
	}

	private CompletableFuture<Void> send(Outgoing message, String idempotencyKey, int attempt) {
		HttpRequest request = HttpRequest.newBuilder(this.messages)
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Idempotency-Key", idempotencyKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(message.body())))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
			if (failure == null && response.statusCode() == 202) {
				long now = System.currentTimeMillis();
				String id = Json.mapper().readTree(response.body()).get("id").asString();
				this.tracker.expect(id, message, now);
				return CompletableFuture.<Void>completedFuture(null);
			}
			boolean retryable = failure != null || response.statusCode() >= 500 || response.statusCode() == 429;
			if (retryable && attempt < this.maxAttempts) {
				long backoff = Math.min(BACKOFF_STEP_MILLIS * attempt, this.maxBackoffMillis);
				Executor later = CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS);
				return CompletableFuture.supplyAsync(() -> null, later)
					.thenCompose((ignored) -> send(message, idempotencyKey, attempt + 1));
			}
			String reason = (failure != null) ? failureName(failure) : "http_" + response.statusCode();
			this.failures.merge(reason, 1, Integer::sum);
			return CompletableFuture.<Void>completedFuture(null);
		}).thenCompose((next) -> next);
	}

	private static String failureName(Throwable failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		return (cause instanceof IOException) ? "io" : cause.getClass().getSimpleName();
	}

	/**
	 * A message to send and the scenario part it belongs to (warm-up, main, latency).
	 */
	public record Outgoing(String part, String from, String to, String text) {

		Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("from", this.from);
			body.put("to", this.to);
			body.put("type", "text");
			body.put("text", Map.of("body", this.text));
			return body;
		}

	}

}
