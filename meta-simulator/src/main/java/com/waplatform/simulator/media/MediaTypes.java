package com.waplatform.simulator.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The media kinds Meta accepts, their MIME types and size limits (Meta's "supported media
 * types": image 5 MB, video and audio 16 MB, document 100 MB, sticker 500 KB).
 */
public final class MediaTypes {

	private static final long MB = 1024L * 1024L;

	/** MIME types by kind ({@code image}, {@code video}, ...). */
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

	/** The MIME type inbound media of a kind gets when none is given. */
	private static final Map<String, String> DEFAULT_MIME_TYPES = Map.of("image", "image/jpeg", "video", "video/mp4",
			"audio", "audio/ogg", "sticker", "image/webp", "document", "application/pdf");

	private MediaTypes() {
	}

	/** The media kinds of messages: image, video, audio, document, sticker. */
	public static Set<String> kinds() {
		return MIME_TYPES.keySet();
	}

	/**
	 * The kind of a MIME type (parameters such as {@code ; codecs=opus} ignored), if Meta
	 * accepts it.
	 */
	public static Optional<String> kindOf(String mimeType) {
		String bare = bare(mimeType);
		return MIME_TYPES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(bare))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	public static long maxBytes(String kind) {
		return MAX_BYTES.getOrDefault(kind, 100 * MB);
	}

	/** The largest file of any kind. */
	public static long maxBytes() {
		return 100 * MB;
	}

	public static String defaultMimeType(String kind) {
		return DEFAULT_MIME_TYPES.getOrDefault(kind, "application/octet-stream");
	}

	private static String bare(String mimeType) {
		int semicolon = mimeType.indexOf(';');
		return ((semicolon >= 0) ? mimeType.substring(0, semicolon) : mimeType).strip().toLowerCase(Locale.ROOT);
	}

}
