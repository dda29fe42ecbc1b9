package com.waplatform.callback.endpoints.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlRulesTests {

	@ParameterizedTest
	@CsvSource({ "http://hooks.example.com/wa, https-required", "ftp://hooks.example.com/wa, https-required",
			"hooks.example.com/wa, absolute-url", "https:///path, absolute-url", "'https://exa mple.com', absolute-url",
			"https://user:pass@hooks.example.com/wa, no-credentials", "https://hooks.example.com/wa#x, no-fragment",
			"https://127.0.0.1/wa, loopback-address", "https://10.1.2.3/wa, private-address",
			"https://169.254.169.254/latest/meta-data, link-local-address", "https://[::1]/wa, loopback-address",
			"https://[fc00::1]:8443/wa, unique-local-address" })
	void refusedInProduction(String url, String rule) {
		UrlRules.Checked checked = UrlRules.check(url, false);
		assertThat(checked.uri()).isNull();
		assertThat(checked.refusal()).isNotNull();
		assertThat(checked.refusal().rule()).isEqualTo(rule);
	}

	@Test
	void httpsToAPublicHostPasses() {
		assertThat(UrlRules.check("https://hooks.example.com:8443/wa?x=1", false).uri()).hasHost("hooks.example.com");
		assertThat(UrlRules.check("https://93.184.215.14/wa", false).refusal()).isNull();
	}

	@Test
	void theDevelopmentSettingAllowsLocalHttp() {
		assertThat(UrlRules.check("http://localhost:9999/hook", true).refusal()).isNull();
		assertThat(UrlRules.check("http://127.0.0.1:9999/hook", true).refusal()).isNull();
		assertThat(UrlRules.check("ftp://127.0.0.1/hook", true).refusal().rule()).isEqualTo("https-required");
	}

	@Test
	void longUrlsAreRefused() {
		assertThat(UrlRules.check("https://example.com/" + "a".repeat(UrlRules.MAX_LENGTH), false).refusal().rule())
			.isEqualTo("url-too-long");
	}

}
