package com.waplatform.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Waits until every application answers its readiness probe with UP. */
final class HealthCheck {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	void awaitHealthy(Map<LocalPlatform.Service, String> urls) {
		Instant deadline = Instant.now().plus(TIMEOUT);
		urls.forEach((service, url) -> {
			while (!ready(url)) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(service + " at " + url + " is not ready after " + TIMEOUT);
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
			}
		});
	}

	private boolean ready(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/readyz"))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + url, ex);
		}
	}

}
