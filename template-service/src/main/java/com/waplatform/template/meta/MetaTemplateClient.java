package com.waplatform.template.meta;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.TemplatePage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.CodecException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Reads a WhatsApp Business Account's templates: {@code GET
 * /{version}/{waba-id}/message_templates}, following Meta's cursors until the last page
 * (the one without {@code paging.next}). Any failure fails the whole listing, so a
 * partial list is never mistaken for the complete one.
 */
@Component
public class MetaTemplateClient {

	/** A bound on a listing, against a cursor that never ends. */
	static final int MAX_PAGES = 10_000;

	private final WebClient web;

	private final MetaApiProperties properties;

	public MetaTemplateClient(WebClient.Builder builder, MetaApiProperties properties) {
		this.web = builder.baseUrl(properties.baseUrl()).build();
		this.properties = properties;
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
		return this.web.get()
			.uri(uri, variables)
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> response.statusCode().isError()
					? response.bodyToMono(String.class)
						.defaultIfEmpty("")
						.flatMap((body) -> Mono
							.error(MetaApiException.fromResponse(response.statusCode().value(), body)))
					: response.bodyToMono(TemplatePage.class))
			.switchIfEmpty(Mono.defer(() -> Mono.error(MetaApiException.badPaging("Empty template page " + number))))
			.timeout(this.properties.timeout())
			.onErrorMap(WebClientRequestException.class, (ex) -> MetaApiException.noAnswer("Graph API unreachable", ex))
			.onErrorMap(TimeoutException.class, (ex) -> MetaApiException.noAnswer("Graph API did not answer", ex))
			.onErrorMap(CodecException.class, (ex) -> MetaApiException.noAnswer("Unreadable template page", ex))
			.map((page) -> new Fetched(number, cursor, page));
	}

	private static Stream<MessageTemplate> data(TemplatePage page) {
		// a page without "data" is read as an empty one
		List<MessageTemplate> data = Objects.requireNonNullElse(page.data(), List.of());
		return data.stream();
	}

	private record Fetched(int number, @Nullable String cursor, TemplatePage page) {
	}

}
