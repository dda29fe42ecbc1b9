package com.waplatform.gateway.media.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's media kinds and limits, by MIME type. */
class MediaKindsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "image/jpeg, image, 5242880", "IMAGE/PNG, image, 5242880", "video/mp4, video, 16777216",
			"'audio/ogg; codecs=opus', audio, 16777216", "image/webp, sticker, 512000",
			"application/pdf, document, 104857600", "text/plain, document, 104857600" })
	void knownTypesHaveTheirKindAndLimit(String mimeType, String kind, long maxBytes) {
		assertThat(MediaKinds.of(mimeType)).hasValueSatisfying((found) -> {
			assertThat(found.name()).isEqualTo(kind);
			assertThat(found.maxBytes()).isEqualTo(maxBytes);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "image/gif", "application/octet-stream", "video/quicktime", "", "image" })
	void otherTypesAreNotTaken(String mimeType) {
		assertThat(MediaKinds.of(mimeType)).isEmpty();
		assertThat(MediaKinds.supported()).contains("image/jpeg").doesNotContain("image/gif");
	}

}
