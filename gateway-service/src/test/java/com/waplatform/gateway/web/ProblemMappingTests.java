package com.waplatform.gateway.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of error a request can meet becomes an RFC 9457 problem
 * ({@link GatewayExceptionHandler} for handler methods,
 * {@link ProblemWebExceptionHandler} outside them), checked in the web slice with a
 * controller that fails on purpose.
 * <p>
 * Security is left out on purpose: the slice has the gateway's advice and exception
 * handler, not its configuration classes, so {@code GatewaySecurity} (which needs the API
 * key store) is not there, and the security auto-configuration is excluded in case a
 * {@code spring-boot-security-test} ever adds it to the slice. Who may call what is
 * tested on the whole application ({@code GatewayApiTests},
 * {@code TenantIsolationTests}).
 */
@WebFluxTest(controllers = ProblemMappingTests.FailingController.class,
		properties = "spring.config.name=gateway-service",
		excludeAutoConfiguration = { ReactiveWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class })
@Import(ProblemMappingTests.FailingController.class)
class ProblemMappingTests {

	@Autowired
	WebTestClient client;

	@Test
	void malformedJsonIsA400ThatSaysWhere() {
		WebTestClient.BodyContentSpec body = post("{\"reference\": \"B-1\",").expectStatus()
			.isBadRequest()
			.expectBody();

		problem(body, "malformed-request", "Malformed request", 400).jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("The request body is not valid JSON (line 1"));
	}

	@Test
	void aMistypedFieldIsA400ThatNamesIt() {
		WebTestClient.BodyContentSpec body = post("{\"reference\": \"B-1\", \"guests\": \"two\"}").expectStatus()
			.isBadRequest()
			.expectBody();

		problem(body, "malformed-request", "Malformed request", 400).jsonPath("$.errors[0].field")
			.isEqualTo("guests")
			.jsonPath("$.errors[0].message")
			.isEqualTo("has the wrong JSON type or format");
	}

	@Test
	void invalidValuesAreA422ThatNamesEachField() {
		WebTestClient.BodyContentSpec body = post("{\"reference\": \"\", \"guests\": 0}").expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody();

		problem(body, "invalid-request", "Invalid request", 422).jsonPath("$.detail")
			.isEqualTo("2 fields are invalid (see errors)")
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactlyInAnyOrder("reference", "guests"));
	}

	@Test
	void aProblemThrownByAHandlerIsWrittenAsItIs() {
		WebTestClient.BodyContentSpec body = get("/test/missing").expectStatus().isNotFound().expectBody();

		problem(body, "not-found", "Not found", 404).jsonPath("$.detail").isEqualTo("No message msg-1");
	}

	@Test
	void aRetryLaterProblemCarriesRetryAfter() {
		WebTestClient.ResponseSpec response = get("/test/busy");

		response.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().valueEquals("Retry-After", "3");
		problem(response.expectBody(), "rate-limited", "Too many requests", 429);
	}

	@Test
	void springsOwnErrorsGetTheGatewaysTypeAndTitle() {
		WebTestClient.BodyContentSpec body = get("/test/conflict").expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody();

		problem(body, "conflict", "Conflict", 409).jsonPath("$.detail").isEqualTo("Already scheduled");
	}

	@Test
	void aBodyAboveTheLimitIsA413() {
		WebTestClient.BodyContentSpec body = get("/test/too-large").expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody();

		problem(body, "content-too-large", "Content too large", 413);
	}

	@Test
	void anUnexpectedFailureIsA500WithoutInternals() {
		WebTestClient.BodyContentSpec body = get("/test/bug").expectStatus()
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
			.expectBody();

		problem(body, "internal-error", "Internal error", 500).jsonPath("$.detail")
			.isEqualTo("The request could not be processed; it is safe to retry")
			.consumeWith((result) -> assertThat(new String(result.getResponseBodyContent()))
				.doesNotContain("IllegalStateException")
				.doesNotContain("connection string"));
	}

	@Test
	void anUnknownRouteIsA404Problem() {
		problem(get("/test/nowhere").expectStatus().isNotFound().expectBody(), "not-found", "Not Found", 404);
	}

	@Test
	void aWrongMethodIsA405Problem() {
		WebTestClient.ResponseSpec response = this.client.put().uri("/test/missing").exchange();

		problem(response.expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED).expectBody(), "method-not-allowed",
				"Method Not Allowed", 405);
	}

	@Test
	void anUnsupportedMediaTypeIsA415Problem() {
		WebTestClient.ResponseSpec response = this.client.post()
			.uri("/test/bookings")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("reference=B-1")
			.exchange();

		problem(response.expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE).expectBody(),
				"unsupported-media-type", "Unsupported Media Type", 415);
	}

	private WebTestClient.ResponseSpec post(String json) {
		return this.client.post()
			.uri("/test/bookings")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String path) {
		return this.client.get().uri(path).exchange();
	}

	/** The members every problem of the gateway has, and its media type. */
	private static WebTestClient.BodyContentSpec problem(WebTestClient.BodyContentSpec body, String kind, String title,
			int status) {
		return body
			.consumeWith((result) -> assertThat(result.getResponseHeaders().getContentType())
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON))
			.jsonPath("$.type")
			.isEqualTo("urn:waplatform:problem:" + kind)
			.jsonPath("$.title")
			.isEqualTo(title)
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	@RestController
	static class FailingController {

		@PostMapping("/test/bookings")
		Mono<String> create(@Valid @RequestBody Booking booking) {
			return Mono.just(booking.reference());
		}

		@GetMapping("/test/missing")
		Mono<String> missing() {
			return Mono.error(Problems.notFound("No message msg-1"));
		}

		@GetMapping("/test/busy")
		Mono<String> busy() {
			return Mono.error(Problems.retryLater(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"Slow down", Duration.ofSeconds(3)));
		}

		@GetMapping("/test/conflict")
		Mono<String> conflict() {
			return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "Already scheduled"));
		}

		@GetMapping("/test/too-large")
		Mono<String> tooLarge() {
			return Mono.error(new DataBufferLimitException("Exceeded limit on max bytes to buffer : 1024"));
		}

		@GetMapping("/test/bug")
		Mono<String> bug() {
			return Mono.error(new IllegalStateException("connection string postgres://secret"));
		}

	}

	record Booking(@NotBlank String reference, @Positive int guests) {
	}

}
