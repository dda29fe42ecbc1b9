package com.waplatform.callback.endpoints;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production URL policy ({@code callbacks.allow-local-http: false}): https only, and
 * no internal address, written as one or behind a host name.
 */
class UrlPolicyTests {

	private final UrlPolicy production = new UrlPolicy(new UrlPolicyProperties(false));

	private final UrlPolicy development = new UrlPolicy(new UrlPolicyProperties(true));

	@ParameterizedTest
	@CsvSource({ "http://127.0.0.1:9000/hook, https-required", "https://127.0.0.1/hook, loopback-address",
			"https://10.1.2.3/hook, private-address", "https://169.254.169.254/latest, link-local-address",
			"https://[::1]/hook, loopback-address", "https://[fc00::1]/hook, unique-local-address",
			"https://localhost:8443/hook, loopback-address", "https://does-not-exist.invalid/hook, resolvable-host" })
	void refusedWithout422NamingTheRule(String url, String rule) {
		StepVerifier.create(this.production.check(url)).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(ErrorResponseException.class);
			ErrorResponseException problem = (ErrorResponseException) error;
			assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(problem.getBody().getProperties()).containsEntry("rule", rule);
			assertThat(problem.getBody().getType().toString()).isEqualTo("urn:waplatform:problem:callback-url-refused");
		}).verify(java.time.Duration.ofSeconds(30));
	}

	@ParameterizedTest
	@CsvSource({ "http://localhost:9000/hook", "http://127.0.0.1:9000/hook", "https://10.1.2.3/hook" })
	void theDevelopmentSettingLetsLocalUrlsThrough(String url) {
		StepVerifier.create(this.development.check(url))
			.assertNext((uri) -> assertThat(uri.toString()).isEqualTo(url))
			.expectComplete()
			.verify(java.time.Duration.ofSeconds(30));
	}

}
