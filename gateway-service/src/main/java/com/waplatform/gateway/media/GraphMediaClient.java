package com.waplatform.gateway.media;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import com.waplatform.gateway.web.Problems;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Meta's media calls with a number's access token: retrieve a media id's URL, download it
 * (streamed, never held whole in memory), upload a file. Meta's errors become problems
 * carrying Meta's code ({@code metaCode}): an unknown media id (100, or a 404) a 404,
 * anything else a 502. The token travels only in the {@code Authorization} header and
 * never into a problem or a log line.
 */
@Component
class GraphMediaClient {

	private final WebClient client;

	private final MetaGraphProperties properties;

	GraphMediaClient(WebClient.Builder builder, MetaGraphProperties properties) {
		this.client = builder.baseUrl(properties.baseUrl().toString()).build();
		this.properties = properties;
	}

	/** {@code GET /{version}/{media-id}}: where to download the file and what it is. */
	Mono<MediaInfo> retrieve(String mediaId, String token) {
		return this.client.get()
			.uri("/{version}/{mediaId}", this.properties.apiVersion(), mediaId)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful()
					? response.bodyToMono(JsonNode.class).map(MediaInfo::of) : failure(response, "retrieve"))
			.timeout(this.properties.timeout())
			.onErrorMap(GraphMediaClient::unreachable, GraphMediaClient::unavailable);
	}

	/**
	 * The file at Meta's media URL, as a stream: the status and headers once Meta
	 * answers, the body as it arrives.
	 */
	Mono<ResponseEntity<Flux<DataBuffer>>> download(URI url, String token) {
		if (!trusted(url)) {
			return Mono.error(problem(HttpStatus.BAD_GATEWAY, "meta-error", "Meta error",
					"Meta answered a media URL on an unexpected host", null));
		}
		return this.client.get()
			.uri(url)
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.onStatus(HttpStatusCode::isError, (response) -> failure(response, "download"))
			.toEntityFlux(DataBuffer.class)
			.timeout(this.properties.timeout())
			.onErrorMap(GraphMediaClient::unreachable, GraphMediaClient::unavailable);
	}

	/** {@code POST /{version}/{phone-number-id}/media}: the new media id. */
	Mono<String> upload(String phoneNumberId, String token, Flux<DataBuffer> content, String filename,
			String mimeType) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("messaging_product", "whatsapp");
		body.part("type", mimeType);
		body.asyncPart("file", content, DataBuffer.class)
			.filename(filename)
			.contentType(MediaType.parseMediaType(mimeType));
		return this.client.post()
			.uri("/{version}/{phoneNumberId}/media", this.properties.apiVersion(), phoneNumberId)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful()
					? response.bodyToMono(JsonNode.class).map((json) -> json.path("id").asString(""))
					: failure(response, "upload"))
			.flatMap((id) -> id.isEmpty() ? Mono.error(problem(HttpStatus.BAD_GATEWAY, "meta-error", "Meta error",
					"Meta's upload answer carried no media id", null)) : Mono.just(id));
	}

	/**
	 * Only Meta's hosts (and the configured Graph host, the simulator in development) get
	 * the token.
	 */
	private boolean trusted(URI url) {
		String host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : "";
		boolean graphHost = host.equals(this.properties.baseUrl().getHost())
				&& url.getPort() == this.properties.baseUrl().getPort();
		boolean meta = "https".equals(url.getScheme())
				&& (host.endsWith(".fbsbx.com") || host.endsWith(".facebook.com") || host.endsWith(".whatsapp.net"));
		return graphHost || meta;
	}

	private static <T> Mono<T> failure(ClientResponse response, String call) {
		int status = response.statusCode().value();
		return response.bodyToMono(JsonNode.class)
			.onErrorResume((ex) -> Mono.empty())
			.map((json) -> json.path("error"))
			.defaultIfEmpty(tools.jackson.databind.node.MissingNode.getInstance())
			.flatMap((error) -> {
				Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
				String message = error.path("message").asString("");
				boolean unknown = !"upload".equals(call) && (status == 404 || (code != null && code == 100));
				String detail = "Meta's media " + call + " failed with HTTP " + status
						+ ((code != null) ? ", code " + code : "") + (message.isEmpty() ? "" : ": " + message);
				return Mono.error(unknown ? problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, code)
						: problem(HttpStatus.BAD_GATEWAY, "meta-error", "Meta error", detail, code));
			});
	}

	private static boolean unreachable(Throwable ex) {
		return ex instanceof WebClientRequestException || ex instanceof TimeoutException;
	}

	private static Throwable unavailable(Throwable ex) {
		return problem(HttpStatus.BAD_GATEWAY, "meta-unavailable", "Meta unavailable",
				"Meta's Graph API did not answer the media call" + ((ex instanceof TimeoutException) ? " in time" : ""),
				null);
	}

	static ErrorResponseException problem(HttpStatus status, String kind, String title, String detail,
			@Nullable Integer metaCode) {
		ProblemDetail problem = Problems.problem(status, kind, title, detail);
		if (metaCode != null) {
			problem.setProperty("metaCode", metaCode);
		}
		return new ErrorResponseException(status, problem, null);
	}

	/**
	 * Meta's answer to {@code GET /{version}/{media-id}}.
	 *
	 * @param sha256 as Meta gives it
	 * @param fileSize bytes, or -1 when Meta did not say
	 */
	record MediaInfo(URI url, @Nullable String mimeType, @Nullable String sha256, long fileSize) {

		static MediaInfo of(JsonNode json) {
			JsonNode size = json.path("file_size");
			long fileSize = size.isNumber() ? size.asLong() : (size.isString() ? parse(size.asString()) : -1);
			return new MediaInfo(URI.create(json.path("url").asString("")), text(json, "mime_type"),
					text(json, "sha256"), fileSize);
		}

		private static @Nullable String text(JsonNode json, String field) {
			return json.path(field).isString() ? json.path(field).asString() : null;
		}

		private static long parse(String value) {
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

	}

}
