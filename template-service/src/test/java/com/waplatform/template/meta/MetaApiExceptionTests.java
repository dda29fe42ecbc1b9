package com.waplatform.template.meta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetaApiExceptionTests {

	@Test
	void readsMetasErrorEnvelope() throws IOException {
		String body;
		try (InputStream in = getClass()
			.getResourceAsStream("/meta/bindambc_error_100_subcode_33_object_not_found.json")) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}

		MetaApiException ex = MetaApiException.fromResponse(400, body);

		assertThat(ex.httpStatus()).isEqualTo(400);
		assertThat(ex.code()).isEqualTo(100);
		assertThat(ex.subcode()).isEqualTo(33);
		assertThat(ex.fbtraceId()).isEqualTo("AeadGx6xI8M9EVqcy11ynej");
		assertThat(ex.getMessage()).startsWith("Unsupported get request.");
	}

	@Test
	void anErrorWithoutEnvelopeHasNoGraphCode() {
		MetaApiException ex = MetaApiException.fromResponse(502, "<html>Bad Gateway</html>");

		assertThat(ex.code()).isEqualTo(MetaApiException.NO_GRAPH_ERROR);
		assertThat(ex.httpStatus()).isEqualTo(502);
	}

}
