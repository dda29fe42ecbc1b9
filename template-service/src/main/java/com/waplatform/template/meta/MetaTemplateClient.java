package com.waplatform.template.meta;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.TemplatePage;
import com.waplatform.template.domain.UsageGovernor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.codec.CodecException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Reads and creates a WhatsApp Business Account's templates. Listing is {@code GET
 * /{version}/{waba-id}/message_templates}, following Meta's cursors until the last page
 * (the one without {@code paging.next}); any failure fails the whole listing, so a
 * partial list is never mistaken for the complete one. Every answer's
 * {@code x-business-use-case-usage} goes to {@link MetaUsage}; a listing stops before the
 * next page when the account must back off, and a throttling error starts a back-off.
 */
@Component
public class MetaTemplateClient {

	/** A bound on a listing, against a cursor that never ends. */
	static final int MAX_PAGES = 10_000;

	private final WebClient web;

	private final MetaApiProperties properties;

	private final MetaUsage usage;

	public MetaTemplateClient(WebClient.Builder builder, MetaApiProperties properties, MetaUsage usage) {
		this.web = builder.baseUrl(properties.baseUrl()).build();
		this.properties = properties;
		this.usage = usage;
	}

	public Mono<TemplateListing> listAll(String wabaId, String accessToken, int pageSize) {
		return fetch(wabaId, accessToken, pageSize, 1, null).expand((fetched) -> {
			String next = fetched.page().nextCursor();
			if (next == null) {
				return Mono.empty();
			}
			if (next.equals(fetched.cursor()) || fetched.number() >= MAX_PAGES) {
				return Mono.error(MetaApiException.badPaging("Paging does not advance after page " + fetched.number()));
			}
			return fetch(wabaId, accessToken, pageSize, fetched.number() + 1, next);
		})
			.map(Fetched::page)
			.collectList()
			.map((pages) -> new TemplateListing(pages.size(),
					pages.stream().flatMap(MetaTemplateClient::data).toList()));
	}

	/**
	 * {@code POST /{version}/{waba-id}/message_templates} with the body as given; Meta
	 * answers {@code {"id","status","category"}}.
	 */
	public Mono<CreatedTemplate> create(String wabaId, String accessToken, JsonNode body) {
		return Mono.fromRunnable(() -> this.usage.check(wabaId))
			.then(this.web.post()
				.uri("/{version}/{waba}/message_templates", this.properties.apiVersion(), wabaId)
				.headers((headers) -> headers.setBearerAuth(accessToken))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchangeToMono((response) -> answer(wabaId, response, CreatedTemplate.class)))
			.switchIfEmpty(Mono.defer(() -> Mono.error(MetaApiException.badPaging("Empty answer to a creation"))))
			.timeout(this.properties.timeout())
			.onErrorMap(WebClientRequestException.class, (ex) -> MetaApiException.noAnswer("Graph API unreachable", ex))
			.onErrorMap(TimeoutException.class, (ex) -> MetaApiException.noAnswer("Graph API did not answer", ex))
			.onErrorMap(CodecException.class, (ex) -> MetaApiException.noAnswer("Unreadable creation answer", ex));
	}

	private Mono<Fetched> fetch(String wabaId, String accessToken, int pageSize, int number, @Nullable String cursor) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("version", this.properties.apiVersion());
		variables.put("waba", wabaId);
		variables.put("limit", pageSize);
		String uri = "/{version}/{waba}/message_templates?limit={limit}";
		if (cursor != null) {
			variables.put("after", cursor);
			uri += "&after={after}";
		}
		String request = uri;
		return Mono.fromRunnable(() -> this.usage.check(wabaId))
			.then(this.web.get()
				.uri(request, variables)
				.headers((headers) -> headers.setBearerAuth(accessToken))
				.accept(MediaType.APPLICATION_JSON)
				.exchangeToMono((response) -> answer(wabaId, response, TemplatePage.class)))
			.switchIfEmpty(Mono.defer(() -> Mono.error(MetaApiException.badPaging("Empty template page " + number))))
			.timeout(this.properties.timeout())
			.onErrorMap(WebClientRequestException.class, (ex) -> MetaApiException.noAnswer("Graph API unreachable", ex))
			.onErrorMap(TimeoutException.class, (ex) -> MetaApiException.noAnswer("Graph API did not answer", ex))
			.onErrorMap(CodecException.class, (ex) -> MetaApiException.noAnswer("Unreadable template page", ex))
			.map((page) -> new Fetched(number, cursor, page));
	}

	private <T> Mono<T> answer(String wabaId, ClientResponse response, Class<T> type) {
		this.usage.observe(response.headers().asHttpHeaders());
		if (!response.statusCode().isError()) {
			return response.bodyToMono(type);
		}
		return response.bodyToMono(String.class).defaultIfEmpty("").flatMap((body) -> {
			MetaApiException error = MetaApiException.fromResponse(response.statusCode().value(), body);
			if (UsageGovernor.isThrottling(error.code())) {
				this.usage.throttledByMeta(wabaId, error.code(), response.headers().asHttpHeaders());
			}
			return Mono.error(error);
		});
	}

	private static Stream<MessageTemplate> data(TemplatePage page) {
		// a page without "data" is read as an empty one
		List<MessageTemplate> data = Objects.requireNonNullElse(page.data(), List.of());
		return data.stream();
	}

	private record Fetched(int number, @Nullable String cursor, TemplatePage page) {
	}

}
