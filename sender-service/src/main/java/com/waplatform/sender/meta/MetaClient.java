package com.waplatform.sender.meta;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.GraphErrorResponse;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.SendMessageResponse;
import com.waplatform.sender.domain.ErrorClass;
import com.waplatform.sender.domain.ErrorClassifier;
import com.waplatform.sender.domain.MetaError;
import java.net.ConnectException;

import io.netty.handler.timeout.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Calls Meta's send endpoint, {@code POST /{version}/{phone-number-id}/messages}. Emits
 * the reply when Meta answered with a Graph body (accepted or refused), and a
 * {@link MetaCallException} when it could not be reached, timed out or answered an error
 * without a Graph body. Bodies are read as text and parsed here, so that a proxy's HTML
 * error page is an outage, not a decoding crash.
 */
@Component
public class MetaClient {

	private final WebClient metaWebClient;

	private final String apiVersion;

	private final MetaMetrics metrics;

	MetaClient(WebClient metaWebClient, MetaApiProperties properties, MetaMetrics metrics) {
		this.metaWebClient = metaWebClient;
		this.apiVersion = properties.apiVersion();
		this.metrics = metrics;
	}

	public Mono<MetaReply> send(String phoneNumberId, String accessToken, MetaMessage message) {
		return Mono.defer(() -> {
			long startedAt = this.metrics.started();
			return this.metaWebClient.post()
				.uri("/{version}/{phoneNumberId}/messages", this.apiVersion, phoneNumberId)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.bodyValue(Json.mapper().writeValueAsString(message))
				.exchangeToMono(this::reply)
				.onErrorMap(WebClientRequestException.class, MetaClient::unavailable)
				.doOnSuccess((reply) -> record(startedAt, reply))
				.doOnError(MetaCallException.class, (ex) -> {
					this.metrics.error(ex.code());
					this.metrics.timed(startedAt, "unavailable");
				})
				.doFinally((signal) -> this.metrics.ended());
		});
	}

	/**
	 * Meta was not reached or did not answer: reactor-netty reports the response timeout
	 * as a request failure caused by a {@link TimeoutException}. Only a failure to
	 * connect (or to get a pooled connection) proves that the request never left; a
	 * timeout or a connection lost later leaves it open whether Meta accepted the
	 * message.
	 */
	private static MetaCallException unavailable(WebClientRequestException ex) {
		if (causedBy(ex, TimeoutException.class)) {
			return new MetaCallException(ErrorClass.TRANSIENT, "timeout", "Meta did not answer in time", true, ex);
		}
		if (causedBy(ex, ConnectException.class) || noPooledConnection(ex)) {
			return new MetaCallException(ErrorClass.TRANSIENT, "connection",
					"Meta could not be reached: " + ex.getMessage(), false, ex);
		}
		return new MetaCallException(ErrorClass.TRANSIENT, "connection_lost",
				"The connection to Meta was lost: " + ex.getMessage(), true, ex);
	}

	/**
	 * reactor-netty's pool refused a connection (its exception types live in an internal
	 * shaded package, hence by name): the request was never sent.
	 */
	private static boolean noPooledConnection(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().startsWith("PoolAcquire")) {
				return true;
			}
		}
		return false;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private Mono<MetaReply> reply(ClientResponse response) {
		int status = response.statusCode().value();
		return response.bodyToMono(String.class).defaultIfEmpty("").flatMap((body) -> {
			if (response.statusCode().is2xxSuccessful()) {
				return Mono.just(accepted(body));
			}
			MetaError error = graphError(body);
			if (error == null) {
				// a gateway timeout may have passed the request on: Meta may have
				// accepted it
				return Mono.error(new MetaCallException(ErrorClassifier.classifyWithoutBody(status), "http_" + status,
						"Meta answered HTTP " + status + " without a Graph error", status == 504, null));
			}
			return Mono.just(new MetaReply.Refused(status, error));
		});
	}

	private static MetaReply accepted(String body) {
		if (body.isBlank()) {
			return new MetaReply.Accepted(null);
		}
		try {
			return new MetaReply.Accepted(Json.mapper().readValue(body, SendMessageResponse.class).wamid());
		}
		catch (JacksonException ex) {
			// accepted all the same: a retry would send the message twice
			return new MetaReply.Accepted(null);
		}
	}

	private static @Nullable MetaError graphError(String body) {
		if (body.isBlank()) {
			return null;
		}
		try {
			GraphErrorResponse response = Json.mapper().readValue(body, GraphErrorResponse.class);
			if (response == null || response.error() == null) {
				return null;
			}
			GraphErrorResponse.GraphError error = response.error();
			return MetaError.of(error.code(), error.message(), error.errorUserTitle(), error.details(),
					error.isTransient());
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private void record(long startedAt, @Nullable MetaReply reply) {
		if (reply instanceof MetaReply.Refused refused) {
			this.metrics.error(Integer.toString(refused.error().code()));
			this.metrics.timed(startedAt, "refused");
		}
		else {
			this.metrics.timed(startedAt, "accepted");
		}
	}

}
