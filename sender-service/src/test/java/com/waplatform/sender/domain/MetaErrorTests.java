package com.waplatform.sender.domain;

import com.waplatform.common.message.ErrorInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetaErrorTests {

	@Test
	void titleIsMetaMessageWithoutItsCodePrefix() {
		MetaError error = MetaError.of(132001, "(#132001) Template name does not exist in the translation", null,
				"template name (Nasilsin ya) does not exist in en_US", null);
		assertThat(error.toErrorInfo())
			.isEqualTo(ErrorInfo.of(132001, "Template name does not exist in the translation",
					"template name (Nasilsin ya) does not exist in en_US"));
	}

	@Test
	void userTitleWinsOverMessage() {
		MetaError error = MetaError.of(131047, "(#131047) Re-engagement message", "Message failed to send", null, null);
		assertThat(error.title()).isEqualTo("Message failed to send");
	}

	@Test
	void missingMessageGetsATitleNamingTheCode() {
		assertThat(MetaError.of(1, null, null, null, null).title()).isEqualTo("Meta error 1");
	}

}
