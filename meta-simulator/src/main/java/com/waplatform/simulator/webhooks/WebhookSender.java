package com.waplatform.simulator.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Posts signed webhooks like Meta: {@code X-Hub-Signature-256} over the exact bytes,
 * {@code User-Agent: facebookexternalua}, retried with backoff on a non-2xx answer or a
 * connection failure (a bounded number of times, where Meta keeps trying for days).
 */
@Component
class WebhookSender {

	static final String USER_AGENT = "facebookexternalua";

	private static final Log logger = LogFactory.getLog(WebhookSender.class);

	private final WebClient client;

	private final SimulatorProperties properties;

	private final MeterRegistry registry;

	WebhookSender(WebClient.Builder builder, SimulatorProperties properties, MeterRegistry registry) {
		// Meta's webhooks carry no trace context: where tracing is on the classpath (the
		// dev stack), the posts are not observed, so no traceparent header goes out
		this.client = builder.clone().observationRegistry(ObservationRegistry.NOOP).build();
		this.properties = properties;
		this.registry = registry;
	}

	/** Where the account's webhooks go, if anywhere. */
	Optional<URI> target(Account account) {
		return Optional
			.ofNullable((account.webhookUrl() != null) ? account.webhookUrl() : this.properties.webhookUrl());
	}

	/**
	 * Posts {@code body}; emits whether it was delivered (a 2xx answer within the
	 * attempts). Never errors on delivery failures.
	 */
	Mono<Boolean> post(URI target, Account account, byte[] body, String kind) {
		return post(target, account, body, List.of(kind));
	}

	/**
	 * Posts {@code body} carrying one update of each of {@code kinds} (several statuses
	 * in one POST); counts each as delivered or failed.
	 */
	Mono<Boolean> post(URI target, Account account, byte[] body, List<String> kinds) {
		SimulatorProperties.Webhooks settings = this.properties.webhooks();
		Duration timeout = settings.timeout();
		return this.client.post()
			.uri(target)
			.contentType(MediaType.APPLICATION_JSON)
			.header(WebhookSignature.HEADER, WebhookSignature.sign(account.appSecret(), body))
			.header(HttpHeaders.USER_AGENT, USER_AGENT)
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.timeout(timeout)
			.retryWhen(retries(settings))
			.map((response) -> {
				count("simulator.webhooks.delivered", kinds);
				return true;
			})
			.onErrorResume((ex) -> Exceptions.isRetryExhausted(ex) || retryable(ex), (ex) -> {
				count("simulator.webhooks.failed", kinds);
				String what = (kinds.size() == 1) ? kinds.get(0) : kinds.size() + " statuses";
				logger.warn("Webhook " + what + " to " + target + " given up: " + ex.getMessage());
				return Mono.just(false);
			});
	}

	private void count(String name, List<String> kinds) {
		for (String kind : kinds) {
			this.registry.counter(name, "kind", kind).increment();
		}
	}

	/**
	 * Meta redelivers a webhook that was not answered with 200 with exponential backoff
	 * for up to 7 days: an endpoint down for a while (a restart, a deployment) loses
	 * nothing. {@code max-attempts} bounds it for tests that want a failure.
	 */
	private static Retry retries(SimulatorProperties.Webhooks settings) {
		long retries = (settings.maxAttempts() > 0) ? settings.maxAttempts() - 1L : Long.MAX_VALUE;
		long giveUpAt = System.nanoTime() + settings.retryFor().toNanos();
		return Retry.backoff(retries, settings.retryBackoff())
			.maxBackoff(settings.retryMaxBackoff())
			.filter((ex) -> retryable(ex) && System.nanoTime() - giveUpAt < 0);
	}

	private static boolean retryable(Throwable ex) {
		return ex instanceof WebClientException || ex instanceof TimeoutException;
	}

}
