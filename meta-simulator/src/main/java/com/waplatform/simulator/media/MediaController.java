package com.waplatform.simulator.media;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.graph.GraphErrors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Meta's media API: {@code POST /{version}/{phone-number-id}/media} (multipart
 * {@code file}, {@code type}, {@code messaging_product=whatsapp}) answers {@code {"id"}};
 * {@code GET /{version}/{media-id}} the file's metadata and a download URL valid for
 * {@code simulator.media.url-ttl}; {@code GET} of that URL with the bearer token the
 * bytes; {@code DELETE /{version}/{media-id}} removes it.
 */
@RestController
class MediaController {

	/** Where download URLs point (Meta's are on {@code lookaside.fbsbx.com}). */
	static final String DOWNLOAD_PATH = "/whatsapp_business/attachments/";

	private final AccountRegistry accounts;

	private final MediaStore store;

	MediaController(AccountRegistry accounts, MediaStore store) {
		this.accounts = accounts;
		this.store = store;
	}

	@PostMapping("/{version:v\\d+\\.\\d+}/{phoneNumberId}/media")
	Mono<Map<String, String>> upload(@PathVariable String phoneNumberId,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken,
			ServerWebExchange exchange) {
		Account account = this.accounts.authorizePhoneNumber(phoneNumberId,
				AccountRegistry.token(authorization, accessToken), "POST");
		return exchange.getMultipartData().flatMap((parts) -> upload(account, parts));
	}

	private Mono<Map<String, String>> upload(Account account, MultiValueMap<String, Part> parts) {
		if (!"whatsapp".equals(field(parts, "messaging_product"))) {
			return Mono.error(GraphErrors.invalidParameter("messaging_product is required and must be whatsapp"));
		}
		if (!(parts.getFirst("file") instanceof FilePart file)) {
			return Mono.error(GraphErrors.missingParameter("The parameter file is required."));
		}
		String mimeType = field(parts, "type");
		if (mimeType == null || mimeType.isBlank()) {
			mimeType = (file.headers().getContentType() != null) ? file.headers().getContentType().toString() : null;
		}
		if (mimeType == null || mimeType.isBlank()) {
			return Mono.error(GraphErrors.missingParameter("The parameter type is required."));
		}
		String type = mimeType;
		String kind = MediaTypes.kindOf(type).orElse(null);
		if (kind == null) {
			return Mono.error(GraphErrors.mediaUploadError("Param type: unsupported media type " + type));
		}
		long limit = MediaTypes.maxBytes(kind);
		return DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE, limit)).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> GraphErrors
						.mediaUploadError("The " + kind + " is larger than Meta's limit of " + limit + " bytes"))
			.flatMap((bytes) -> (bytes.length == 0) ? Mono.error(GraphErrors.mediaUploadError("The file is empty"))
					: Mono.just(Map.of("id", this.store.store(account, type, bytes).id())));
	}

	@GetMapping("/{version:v\\d+\\.\\d+}/{mediaId}")
	Map<String, Object> retrieve(@PathVariable String mediaId,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken,
			ServerHttpRequest request) {
		MediaObject media = authorize(mediaId, AccountRegistry.token(authorization, accessToken), "GET");
		URI url = UriComponentsBuilder.fromUri(request.getURI())
			.replacePath(DOWNLOAD_PATH)
			.replaceQuery(this.store.downloadQuery(media.id()))
			.build(true)
			.toUri();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messaging_product", "whatsapp");
		body.put("url", url.toString());
		body.put("mime_type", media.mimeType());
		body.put("sha256", media.sha256());
		body.put("file_size", media.size());
		body.put("id", media.id());
		return body;
	}

	@DeleteMapping("/{version:v\\d+\\.\\d+}/{mediaId}")
	Map<String, Boolean> delete(@PathVariable String mediaId,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
			@RequestParam(name = "access_token", required = false) @Nullable String accessToken) {
		MediaObject media = authorize(mediaId, AccountRegistry.token(authorization, accessToken), "DELETE");
		this.store.delete(media.id());
		return Map.of("success", true);
	}

	/**
	 * The download URL: the signed, unexpired parameters and a token of the file's WABA,
	 * as Meta's media URLs need the bearer token too.
	 */
	@GetMapping(DOWNLOAD_PATH)
	ResponseEntity<byte[]> download(@RequestParam(required = false) @Nullable String mid,
			@RequestParam(required = false) @Nullable Long ext, @RequestParam(required = false) @Nullable String hash,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		String token = AccountRegistry.token(authorization, null);
		if (token == null) {
			throw GraphErrors.missingToken();
		}
		if (mid == null || ext == null || hash == null || !this.store.validDownload(mid, ext, hash)) {
			throw GraphErrors.graph(404, 100, "(#100) The media URL is invalid or has expired");
		}
		MediaObject media = authorize(mid, token, "GET");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(media.mimeType()))
			.contentLength(media.size())
			.body(media.bytes());
	}

	private MediaObject authorize(String mediaId, @Nullable String token, String httpMethod) {
		if (token == null) {
			throw GraphErrors.missingToken();
		}
		MediaObject media = this.store.find(mediaId).orElseThrow(() -> GraphErrors.objectNotFound(httpMethod, mediaId));
		boolean known = this.accounts.all().stream().anyMatch((account) -> account.accessToken().equals(token));
		if (!known) {
			throw GraphErrors.invalidToken();
		}
		boolean ofItsWaba = this.accounts.byWabaId(media.wabaId())
			.stream()
			.anyMatch((account) -> account.accessToken().equals(token));
		if (!ofItsWaba) {
			// Meta does not tell a stranger that the object exists
			throw GraphErrors.objectNotFound(httpMethod, mediaId);
		}
		return media;
	}

	private static @Nullable String field(MultiValueMap<String, Part> parts, String name) {
		return (parts.getFirst(name) instanceof FormFieldPart field) ? field.value() : null;
	}

}
