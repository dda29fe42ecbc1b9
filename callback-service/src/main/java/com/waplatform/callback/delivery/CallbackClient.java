package com.waplatform.callback.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.waplatform.callback.delivery.domain.Signature;
import com.waplatform.callback.endpoints.UrlPolicyProperties;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Posts one attempt of a delivery: the stored body as it is, signed ({@link Signature}:
 * {@code X-Signature: t=...,v1=...}), with {@code X-Delivery-Id} and
 * {@code Content-Type: application/json}. Redirects are never followed (a 3xx is a failed
 * attempt), the answer's body is not read, and an attempt that has no answer within
 * {@code callbacks.delivery.timeout} fails. Outside development every connection goes
 * through {@link CheckedResolverGroup}, which refuses private addresses again at delivery
 * time.
 */
@Component
class CallbackClient {

	static final String DELIVERY_ID = "X-Delivery-Id";

	private final WebClient client;

	private final Duration timeout;

	private final Clock clock;

	CallbackClient(WebClient.Builder builder, DeliveryProperties properties, UrlPolicyProperties policy, Clock clock) {
		HttpClient http = HttpClient.create()
			.followRedirect(false)
			.responseTimeout(properties.timeout())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis());
		if (!policy.allowLocalHttp()) {
			http = http.resolver(new CheckedResolverGroup(Schedulers.boundedElastic()));
		}
		this.client = builder.clientConnector(new ReactorClientHttpConnector(http)).build();
		this.timeout = properties.timeout();
		this.clock = clock;
	}

	/** Posts the body; emits how it went (never an error). */
	Mono<Attempt> post(URI url, String secret, UUID deliveryId, String body) {
		return Mono.defer(() -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			long started = System.nanoTime();
			String signature = Signature.header(secret, this.clock.instant().getEpochSecond(), bytes);
			return this.client.post()
				.uri(url)
				.contentType(MediaType.APPLICATION_JSON)
				.header(Signature.HEADER, signature)
				.header(DELIVERY_ID, deliveryId.toString())
				.bodyValue(bytes)
				.exchangeToMono((response) -> response.releaseBody()
					.thenReturn(new Attempt(response.statusCode().value(), null)))
				// a guard over the whole exchange, beyond the client's own timeouts
				.timeout(this.timeout.plusSeconds(1))
				.onErrorResume((ex) -> Mono.just(new Attempt(0, describe(ex))))
				.map((attempt) -> attempt.took(Duration.ofNanos(System.nanoTime() - started)));
		});
	}

	private String describe(Throwable failure) {
		// Reactor's TimeoutException, Netty's ReadTimeoutException, a connect timeout,
		// possibly wrapped: bounded, a cause chain may loop
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return "No answer within " + this.timeout;
			}
		}
		Throwable shown = (failure instanceof WebClientRequestException && failure.getCause() != null)
				? failure.getCause() : failure;
		String message = shown.getMessage();
		return shown.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * How an attempt went.
	 *
	 * @param statusCode the answer's HTTP status, 0 when there was none
	 * @param error why there was no answer (timeout, connection refused, refused address)
	 * @param duration how long it took
	 */
	record Attempt(int statusCode, @Nullable String error, Duration duration) {

		Attempt(int statusCode, @Nullable String error) {
			this(statusCode, error, Duration.ZERO);
		}

		Attempt took(Duration took) {
			return new Attempt(this.statusCode, this.error, took);
		}

		boolean delivered() {
			return this.statusCode >= 200 && this.statusCode < 300;
		}

		/** What the log shows of a failure. */
		String failure() {
			if (this.error != null) {
				return this.error;
			}
			return (this.statusCode >= 300 && this.statusCode < 400)
					? "HTTP " + this.statusCode + " (redirects are not followed)" : "HTTP " + this.statusCode;
		}

	}

}
