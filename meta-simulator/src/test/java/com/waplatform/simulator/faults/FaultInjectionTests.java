package com.waplatform.simulator.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.GraphClient;
import com.waplatform.simulator.GraphClient.Answer;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestNumbers;
import com.waplatform.simulator.WebhookReceiver;
import com.waplatform.simulator.WebhookReceiver.Received;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.ledger.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /admin/faults} and what a real WebClient sees of each fault. */
@SimulatorTest
class FaultInjectionTests {

	private static final String TO = "+16505558000";

	private final AccountRegistry accounts;

	private final Ledger ledger;

	private final WebTestClient admin;

	private final GraphClient graph;

	private WebhookReceiver receiver;

	private Account account;

	FaultInjectionTests(@Autowired AccountRegistry accounts, @Autowired Ledger ledger, @Autowired WebTestClient admin,
			@Autowired WebClient.Builder builder, @Autowired Environment environment) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.admin = admin;
		this.graph = new GraphClient(builder, environment);
	}

	@BeforeEach
	void newNumber() throws Exception {
		this.receiver = new WebhookReceiver();
		this.account = TestNumbers.unlimited(this.accounts, this.receiver.url("/hooks"));
	}

	@AfterEach
	void clearFaults() {
		this.admin.delete().uri("/admin/faults").exchange().expectStatus().isNoContent().expectBody().returnResult();
		this.receiver.close();
	}

	@Test
	void injectedErrorsCarryMetasEnvelopeAndStatusAndAreNotRecorded() {
		assertInjected(131000, 500, "(#131000) Something went wrong");
		assertInjected(2, 503, "(#2) Service temporarily unavailable");
		assertInjected(1, 400, "(#1) An unknown error occurred");
		assertInjected(131016, 503, "(#131016) Service unavailable");
		assertInjected(130429, 400, "(#130429) Rate limit hit");
		assertThat(this.ledger.entries(this.account.phoneNumberId(), null, null)).isEmpty();
		this.admin.get()
			.uri("/admin/stats")
			.exchange()
			.expectBody()
			.jsonPath("$.numbers['%s'].faults['error:131000']".formatted(this.account.phoneNumberId()))
			.isEqualTo(1)
			.jsonPath("$.numbers['%s'].accepted".formatted(this.account.phoneNumberId()))
			.isEqualTo(0);
	}

	@Test
	void bareHttpErrorsLookLikeALoadBalancer() {
		setFaults("""
				{"phoneNumberId":"%s","httpErrorRate":1.0,"httpStatuses":[503]}""");
		Answer answer = this.graph.sendAndWait(this.account, GraphClient.text(TO, "lb"));
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.contentType()).startsWith("text/html");
		assertThat(answer.body()).contains("503 Service Unavailable").doesNotContain("error");
		assertThat(this.ledger.entries(this.account.phoneNumberId(), null, null)).isEmpty();
	}

	@Test
	void latencyDelaysEveryAnswer() {
		setFaults("""
				{"phoneNumberId":"%s","latency":"300ms","latencyJitter":"50ms"}""");
		long start = System.nanoTime();
		assertThat(this.graph.sendAndWait(this.account, GraphClient.text(TO, "slow")).status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		start = System.nanoTime();
		assertThat(this.graph.sendAndWait(this.account, GraphClient.text("+999", "slow error")).status())
			.isEqualTo(400);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void aTimeoutIsNeverAnswered() {
		setFaults("""
				{"phoneNumberId":"%s","timeoutRate":1.0}""");
		StepVerifier.create(this.graph.send(this.account, GraphClient.text(TO, "lost")).timeout(Duration.ofMillis(500)))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.ledger.entries(this.account.phoneNumberId(), null, null)).isEmpty();
	}

	@Test
	void aResetClosesTheConnectionWithoutAnAnswer() {
		setFaults("""
				{"phoneNumberId":"%s","resetRate":1.0}""");
		StepVerifier.create(this.graph.send(this.account, GraphClient.text(TO, "reset")))
			.expectError(WebClientRequestException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.ledger.entries(this.account.phoneNumberId(), null, null)).isEmpty();
	}

	@Test
	void acceptThenResetRecordsTheMessageAndSendsItsWebhooks() {
		setFaults("""
				{"phoneNumberId":"%s","acceptThenResetRate":1.0}""");
		StepVerifier.create(this.graph.send(this.account, GraphClient.text(TO, "did it go?")))
			.expectError(WebClientRequestException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.ledger.entries(this.account.phoneNumberId(), null, null)).singleElement()
			.satisfies((entry) -> assertThat(entry.renderedText()).isEqualTo("did it go?"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.received().size() >= 3);
	}

	@Test
	void acceptThenTimeoutRecordsTheMessage() {
		setFaults("""
				{"phoneNumberId":"%s","acceptThenTimeoutRate":1.0}""");
		StepVerifier
			.create(this.graph.send(this.account, GraphClient.text(TO, "accepted, unanswered"))
				.timeout(Duration.ofMillis(500)))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.ledger.entries(this.account.phoneNumberId(), null, null)).hasSize(1);
	}

	@Test
	void anExpiredTokenIs190UntilCleared() {
		setFaults("""
				{"phoneNumberId":"%s","expiredToken":true}""");
		Answer expired = this.graph.sendAndWait(this.account, GraphClient.text(TO, "token?"));
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.code()).isEqualTo(190);
		assertThat(expired.json().get("error").get("error_subcode").asInt()).isEqualTo(463);
		this.admin.delete()
			.uri("/admin/faults?phoneNumberId={id}", this.account.phoneNumberId())
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectBody()
			.returnResult();
		assertThat(this.graph.sendAndWait(this.account, GraphClient.text(TO, "token!")).status()).isEqualTo(200);
	}

	@Test
	void aGlobalProfileAppliesToNumbersWithoutTheirOwn() {
		Account other = TestNumbers.unlimited(this.accounts, null);
		this.admin.post()
			.uri("/admin/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"phoneNumberId\":null,\"expiredToken\":true}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		setFaults("""
				{"phoneNumberId":"%s","errorRate":0.0}""");
		assertThat(this.graph.sendAndWait(other, GraphClient.text(TO, "global")).status()).isEqualTo(401);
		assertThat(this.graph.sendAndWait(this.account, GraphClient.text(TO, "own")).status()).isEqualTo(200);
		this.admin.get()
			.uri("/admin/faults")
			.exchange()
			.expectBody()
			.jsonPath("$.global.expiredToken")
			.isEqualTo(true)
			.jsonPath("$.numbers['%s'].errorCodes[0]".formatted(this.account.phoneNumberId()))
			.isEqualTo(131000);
	}

	@Test
	void invalidProfilesAreRefused() {
		this.admin.post()
			.uri("/admin/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"errorRate\":0.8,\"httpErrorRate\":0.5}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.returnResult();
	}

	@Test
	void webhooksCanBeDuplicated() {
		setFaults("""
				{"phoneNumberId":"%s","webhooks":{"duplicateRate":1.0}}""");
		assertThat(this.graph.sendAndWait(this.account, GraphClient.text(TO, "twice")).status()).isEqualTo(200);
		List<String> statuses = awaitStatuses(6);
		assertThat(statuses).containsExactly("sent", "sent", "delivered", "delivered", "read", "read");
	}

	@Test
	void webhooksCanBeReorderedAndDelayed() {
		setFaults("""
				{"phoneNumberId":"%s","webhooks":{"reorderRate":1.0,"delay":"100ms"}}""");
		long start = System.nanoTime();
		assertThat(this.graph.sendAndWait(this.account, GraphClient.text(TO, "out of order")).status()).isEqualTo(200);
		List<String> statuses = awaitStatuses(3);
		assertThat(statuses).containsExactlyInAnyOrder("sent", "delivered", "read")
			.isNotEqualTo(List.of("sent", "delivered", "read"));
		assertThat(statuses).isIn(List.of("delivered", "sent", "read"), List.of("sent", "read", "delivered"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
	}

	private void assertInjected(int code, int status, String message) {
		setFaults("""
				{"phoneNumberId":"%s","errorRate":1.0,"errorCodes":[%d]}""".formatted("%s", code));
		Answer answer = this.graph.sendAndWait(this.account, GraphClient.text(TO, "fault " + code));
		assertThat(answer.status()).as("HTTP status of %d", code).isEqualTo(status);
		JsonNode error = answer.json().get("error");
		assertThat(error.get("code").asInt()).isEqualTo(code);
		assertThat(error.get("message").asString()).isEqualTo(message);
		assertThat(error.get("fbtrace_id").asString()).isNotBlank();
	}

	private void setFaults(String json) {
		this.admin.post()
			.uri("/admin/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.formatted(this.account.phoneNumberId()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
	}

	private List<String> awaitStatuses(int count) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.received().size() >= count);
		await().during(Duration.ofMillis(200))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.receiver.received().size() == count);
		return this.receiver.received().stream().map(FaultInjectionTests::status).toList();
	}

	private static String status(Received request) {
		return Json.mapper()
			.readTree(request.body())
			.get("entry")
			.get(0)
			.get("changes")
			.get(0)
			.get("value")
			.get("statuses")
			.get(0)
			.get("status")
			.asString();
	}

}
