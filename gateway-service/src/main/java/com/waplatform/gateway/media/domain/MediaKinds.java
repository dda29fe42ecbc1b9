package com.waplatform.gateway.media.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The media Meta's Cloud API accepts: each kind's MIME types and largest file (Meta's
 * "supported media types": image 5 MB, video and audio 16 MB, document 100 MB, sticker
 * 500 KB for animated stickers).
 */
public final class MediaKinds {

	private static final long MB = 1024L * 1024L;

	private static final Map<String, Set<String>> MIME_TYPES = Map.of("image", Set.of("image/jpeg", "image/png"),
			"video", Set.of("video/mp4", "video/3gpp"), "audio",
			Set.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"), "sticker", Set.of("image/webp"),
			"document",
			Set.of("text/plain", "application/pdf", "application/msword", "application/vnd.ms-excel",
					"application/vnd.ms-powerpoint",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					"application/vnd.openxmlformats-officedocument.presentationml.presentation"));

	private static final Map<String, Long> MAX_BYTES = Map.of("image", 5 * MB, "video", 16 * MB, "audio", 16 * MB,
			"sticker", 500 * 1024L, "document", 100 * MB);

	private MediaKinds() {
	}

	/**
	 * The kind (image, video, audio, sticker, document) of a MIME type, parameters such
	 * as {@code ; codecs=opus} ignored; empty when Meta does not take it.
	 */
	public static Optional<Kind> of(String mimeType) {
		String bare = bare(mimeType);
		return MIME_TYPES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(bare))
			.findFirst()
			.map((entry) -> new Kind(entry.getKey(), MAX_BYTES.get(entry.getKey())));
	}

	/** Every MIME type Meta takes, for error messages. */
	public static String supported() {
		return MIME_TYPES.values().stream().flatMap(Set::stream).sorted().toList().toString();
	}

	private static String bare(String mimeType) {
		int semicolon = mimeType.indexOf(';');
		return ((semicolon >= 0) ? mimeType.substring(0, semicolon) : mimeType).strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param name image, video, audio, sticker or document
	 * @param maxBytes Meta's limit for it
	 */
	public record Kind(String name, long maxBytes) {
	}

}
