package com.waplatform.gateway.media;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.media.domain.MediaKinds;
import com.waplatform.gateway.numbers.BusinessNumbers;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.Routes;
import com.waplatform.support.accounts.AccountDirectory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /v1/media/{mediaId}} streams a media file the organization's customers sent
 * (or it uploaded) from Meta, with the number's token; {@code POST /v1/media} (multipart
 * {@code file}, optional {@code from}) uploads one to Meta from the organization's number
 * and answers {@code 201 {"id","mimeType","size"}}, an id usable in sends. A media id the
 * organization never received or uploaded is a 404, as an unknown one.
 */
@RestController
class MediaController {

	private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	/** Room for the multipart framing around the largest file Meta takes. */
	private static final long MULTIPART_OVERHEAD = 64 * 1024;

	private static final long LARGEST_FILE = 100L * 1024 * 1024;

	private final MediaObjects objects;

	private final GraphMediaClient graph;

	private final AccountDirectory directory;

	private final BusinessNumbers numbers;

	MediaController(MediaObjects objects, GraphMediaClient graph, AccountDirectory directory, BusinessNumbers numbers) {
		this.objects = objects;
		this.graph = graph;
		this.directory = directory;
		this.numbers = numbers;
	}

	@GetMapping(Routes.MEDIA_FILE)
	Mono<ResponseEntity<Flux<DataBuffer>>> fetch(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@PathVariable String mediaId) {
		if (!MEDIA_ID.matcher(mediaId).matches()) {
			return Mono.error(notFound(mediaId));
		}
		return this.objects.find(organizationId, mediaId)
			.switchIfEmpty(Mono.error(() -> notFound(mediaId)))
			.flatMap((known) -> {
				PhoneNumberConfigured number = ownNumber(organizationId, known.phoneNumberId());
				if (number == null) {
					return Mono.error(notFound(mediaId));
				}
				String token = this.directory.accessToken(number);
				return this.graph.retrieve(mediaId, token)
					.flatMap((info) -> this.graph.download(info.url(), token)
						.map((download) -> stream(download, info, known)));
			});
	}

	@PostMapping(Routes.MEDIA)
	Mono<ResponseEntity<Uploaded>> upload(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			ServerWebExchange exchange) {
		if (exchange.getRequest().getHeaders().getContentLength() > LARGEST_FILE + MULTIPART_OVERHEAD) {
			return Mono.error(tooLarge(LARGEST_FILE, "any media"));
		}
		MediaType contentType = exchange.getRequest().getHeaders().getContentType();
		if (contentType == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType)) {
			return Mono.error(Problems.exception(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Unsupported Media Type", "Send the file as multipart/form-data with a part named file"));
		}
		return exchange.getMultipartData().flatMap((parts) -> upload(organizationId, parts));
	}

	private Mono<ResponseEntity<Uploaded>> upload(String organizationId, MultiValueMap<String, Part> parts) {
		if (!(parts.getFirst("file") instanceof FilePart file)) {
			return Mono.error(invalid("file", "is required: a multipart part named file holding the media file"));
		}
		String from = (parts.getFirst("from") instanceof FormFieldPart field && !field.value().isBlank())
				? field.value() : null;
		String mimeType = mimeType(file);
		MediaKinds.Kind kind = MediaKinds.of(mimeType).orElse(null);
		if (kind == null) {
			return Mono.error(Problems.exception(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Unsupported Media Type",
					"file: Meta does not take " + mimeType + " (supported: " + MediaKinds.supported() + ")"));
		}
		return this.numbers.resolve(organizationId, from).flatMap((sender) -> {
			PhoneNumberConfigured number = ownNumber(organizationId, sender.phoneNumberId());
			if (number == null) {
				return Mono.error(Problems.exception(HttpStatus.SERVICE_UNAVAILABLE, "number-not-ready",
						"Number not ready", "The business number is still being loaded; try again shortly"));
			}
			AtomicLong size = new AtomicLong();
			Flux<DataBuffer> counted = file.content().map((buffer) -> {
				if (size.addAndGet(buffer.readableByteCount()) > kind.maxBytes()) {
					DataBufferUtils.release(buffer);
					throw new FileTooLarge();
				}
				return buffer;
			});
			return this.graph
				.upload(number.phoneNumberId(), this.directory.accessToken(number), counted, file.filename(), mimeType)
				.onErrorMap(MediaController::causedByTooLarge, (ex) -> tooLarge(kind.maxBytes(), kind.name()))
				.flatMap((id) -> this.objects
					.record(organizationId, id, number.phoneNumberId(), MediaObjects.UPLOADED, mimeType)
					.thenReturn(ResponseEntity.created(URI.create("/v1/media/" + id))
						.body(new Uploaded(id, mimeType, size.get()))));
		});
	}

	private static ResponseEntity<Flux<DataBuffer>> stream(ResponseEntity<Flux<DataBuffer>> download,
			GraphMediaClient.MediaInfo info, MediaObjects.Known known) {
		HttpHeaders headers = new HttpHeaders();
		MediaType type = download.getHeaders().getContentType();
		String fallback = (info.mimeType() != null) ? info.mimeType() : known.mimeType();
		if (type == null && fallback != null) {
			type = MediaType.parseMediaType(fallback);
		}
		headers.setContentType((type != null) ? type : MediaType.APPLICATION_OCTET_STREAM);
		long length = download.getHeaders().getContentLength();
		if (length < 0) {
			length = info.fileSize();
		}
		if (length >= 0) {
			headers.setContentLength(length);
		}
		if (info.sha256() != null) {
			headers.set("X-Media-Sha256", info.sha256());
		}
		headers.setCacheControl("private, no-store");
		Flux<DataBuffer> body = (download.getBody() != null) ? download.getBody() : Flux.empty();
		return ResponseEntity.ok().headers(headers).body(body);
	}

	private @Nullable PhoneNumberConfigured ownNumber(String organizationId, String phoneNumberId) {
		return this.directory.phoneNumber(phoneNumberId)
			.filter((number) -> number.organizationId().equals(organizationId))
			.orElse(null);
	}

	private static String mimeType(FilePart file) {
		MediaType declared = file.headers().getContentType();
		if (declared != null && !MediaType.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(declared)) {
			return declared.toString();
		}
		return MediaTypeFactory.getMediaType(file.filename())
			.map(MediaType::toString)
			.orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
	}

	private static boolean causedByTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof FileTooLarge) {
				return true;
			}
		}
		return false;
	}

	private static RuntimeException notFound(String mediaId) {
		return Problems.notFound("No media " + mediaId + " for this organization");
	}

	private static RuntimeException tooLarge(long maxBytes, String what) {
		return Problems.exception(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
				"file: Meta takes at most " + (maxBytes / 1024) + " KB for " + what);
	}

	private static RuntimeException invalid(String field, String message) {
		return Problems.invalidFields(HttpStatus.BAD_REQUEST, List.of(new FieldViolation(field, message)));
	}

	/**
	 * @param id the media id to send with ({@code {"type":"image","image":{"id":...}}})
	 * @param mimeType the file's type
	 * @param size its bytes
	 */
	record Uploaded(String id, String mimeType, long size) {
	}

	/** The upload stream passed the kind's limit (the upload to Meta is abandoned). */
	private static final class FileTooLarge extends RuntimeException {

		FileTooLarge() {
			super("file too large", null, false, false);
		}

	}

}
