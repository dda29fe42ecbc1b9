package com.waplatform.sender.domain;

import com.waplatform.common.message.ErrorInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "1, TRANSIENT", "2, TRANSIENT", "131000, TRANSIENT", "131016, TRANSIENT", "131057, TRANSIENT",
			"133004, TRANSIENT", "130429, THROUGHPUT", "80007, THROUGHPUT", "4, THROUGHPUT", "131056, PAIR_LIMIT",
			"0, AUTH", "190, AUTH", "131047, WINDOW",
			// permanent codes of META-API.md §b
			"3, PERMANENT", "10, PERMANENT", "33, PERMANENT", "100, PERMANENT", "200, PERMANENT", "368, PERMANENT",
			"130472, PERMANENT", "130497, PERMANENT", "131005, PERMANENT", "131008, PERMANENT", "131009, PERMANENT",
			"131021, PERMANENT", "131026, PERMANENT", "131030, PERMANENT", "131031, PERMANENT", "131037, PERMANENT",
			"131042, PERMANENT", "131045, PERMANENT", "131048, PERMANENT", "131049, PERMANENT", "131050, PERMANENT",
			"131051, PERMANENT", "131052, PERMANENT", "131053, PERMANENT", "131062, PERMANENT", "131064, PERMANENT",
			"132000, PERMANENT", "132001, PERMANENT", "132005, PERMANENT", "132007, PERMANENT", "132008, PERMANENT",
			"132012, PERMANENT", "132015, PERMANENT", "132016, PERMANENT", "132068, PERMANENT", "132069, PERMANENT",
			"133000, PERMANENT", "133010, PERMANENT", "133016, PERMANENT", "135000, PERMANENT" })
	void classifiesByMetaErrorCode(int code, ErrorClass expected) {
		assertThat(ErrorClassifier.classify(code, null)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 4, 130429, 80007, 131000, 131016, 131056, 131057, 133004 })
	void retryableCodesAreRetryable(int code) {
		assertThat(ErrorClassifier.classify(code, null).retryable()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 190, 131047, 132001, 131026, 100 })
	void finalCodesAreNotRetryable(int code) {
		assertThat(ErrorClassifier.classify(code, null).retryable()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "999999, true, TRANSIENT", "999999, false, PERMANENT", "132001, true, PERMANENT",
			"130429, false, THROUGHPUT", "250, true, PERMANENT" })
	void metaTransientFlagOnlyDecidesForUnlistedCodes(int code, boolean isTransient, ErrorClass expected) {
		assertThat(ErrorClassifier.classify(code, isTransient)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "HTTP {0} without body -> {1}")
	@CsvSource({ "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT", "429, THROUGHPUT",
			"404, TRANSIENT" })
	void errorsWithoutBodyAreKeptForRetry(int status, ErrorClass expected) {
		assertThat(ErrorClassifier.classifyWithoutBody(status)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "132001, (#132001) Template name does not exist in the translation",
			"130429, (#130429) Rate limit hit" })
	void classifiesAMetaError(int code, String message) {
		MetaError error = MetaError.of(code, message, null, null, null);
		assertThat(ErrorClassifier.classify(error)).isEqualTo(ErrorClassifier.classify(code, null));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "130429, SLOW_DOWN_NUMBER", "80007, SLOW_DOWN_NUMBER", "4, SLOW_DOWN_NUMBER", "131056, HOLD_RECIPIENT",
			"0, PAUSE_ORGANIZATION", "190, PAUSE_ORGANIZATION", "131047, FAIL", "1, RETRY_WITH_BACKOFF",
			"2, RETRY_WITH_BACKOFF", "131000, RETRY_WITH_BACKOFF", "131016, RETRY_WITH_BACKOFF",
			"131057, RETRY_WITH_BACKOFF", "133004, RETRY_WITH_BACKOFF", "3, FAIL", "10, FAIL", "33, FAIL", "100, FAIL",
			"200, FAIL", "368, FAIL", "130472, FAIL", "130497, FAIL", "131005, FAIL", "131008, FAIL", "131009, FAIL",
			"131021, FAIL", "131026, FAIL", "131030, FAIL", "131031, FAIL", "131037, FAIL", "131042, FAIL",
			"131045, FAIL", "131048, FAIL", "131049, FAIL", "131050, FAIL", "131051, FAIL", "131052, FAIL",
			"131053, FAIL", "131062, FAIL", "131064, FAIL", "132000, FAIL", "132001, FAIL", "132005, FAIL",
			"132007, FAIL", "132008, FAIL", "132012, FAIL", "132015, FAIL", "132016, FAIL", "132068, FAIL",
			"132069, FAIL", "133000, FAIL", "133010, FAIL", "133016, FAIL", "135000, FAIL", "999999, FAIL" })
	void reactsToEachMetaErrorCode(int code, Reaction expected) {
		assertThat(Reaction.to(ErrorClassifier.classify(code, null))).isEqualTo(expected);
	}

	@Test
	void onlyTransientErrorsCountAsFailedAttempts() {
		assertThat(Reaction.RETRY_WITH_BACKOFF.countsAsFailure()).isTrue();
		assertThat(Reaction.SLOW_DOWN_NUMBER.countsAsFailure()).isFalse();
		assertThat(Reaction.HOLD_RECIPIENT.countsAsFailure()).isFalse();
		assertThat(Reaction.PAUSE_ORGANIZATION.countsAsFailure()).isFalse();
	}

	@Test
	void outsideTheServiceWindowTheReasonSaysToSendATemplate() {
		MetaError error = MetaError.of(131047, "(#131047) Re-engagement message", null,
				"More than 24 hours have passed since the recipient last replied to the sender number.", null);
		ErrorInfo reason = ErrorClassifier.failureReason(error);
		assertThat(reason.code()).isEqualTo(131047);
		assertThat(reason.title()).isEqualTo("Re-engagement message");
		assertThat(reason.details()).startsWith("More than 24 hours have passed")
			.contains("only an approved template message can be sent");
	}

	@Test
	void otherPermanentErrorsKeepMetaCodeTitleAndDetails() {
		MetaError error = MetaError.of(132001, "(#132001) Template name does not exist in the translation", null,
				"template name (x) does not exist in en_US", null);
		assertThat(ErrorClassifier.failureReason(error)).isEqualTo(ErrorInfo.of(132001,
				"Template name does not exist in the translation", "template name (x) does not exist in en_US"));
	}

}
