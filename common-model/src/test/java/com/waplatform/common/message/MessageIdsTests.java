package com.waplatform.common.message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTests {

	@Test
	void theIdsWeMakeAreValid() {
		assertThat(MessageIds.isValid(UUID.randomUUID().toString())).isTrue();
		assertThat(MessageIds.isValid(UUID.nameUUIDFromBytes("workflow|x".getBytes(StandardCharsets.UTF_8)).toString()))
			.isTrue();
		assertThat(MessageIds.isValid("00000000-0000-0000-0000-000000000000")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "some data", "msg-1", "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
			"3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c33011",
			"3f2504e04f8911d39a0c0305e82c3301", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
			"3f2504e0-4f89-11d3-9a0c_0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330g",
			" 3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c330\n" })
	void anythingElseIsNot(String candidate) {
		assertThat(MessageIds.isValid(candidate)).isFalse();
	}

	@Test
	void nullIsNot() {
		assertThat(MessageIds.isValid(null)).isFalse();
	}

}
