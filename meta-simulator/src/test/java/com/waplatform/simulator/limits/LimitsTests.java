package com.waplatform.simulator.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waplatform.simulator.GraphClient;
import com.waplatform.simulator.GraphClient.Answer;
import com.waplatform.simulator.Samples;
import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestNumbers;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.ledger.Ledger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta's limits over HTTP: throughput (130429), pair rate (131056), service window
 * (131047).
 */
@SimulatorTest
class LimitsTests {

	private static final String TEMPLATE = """
			{"messaging_product":"whatsapp","to":"%s","type":"template",
			 "template":{"name":"welcome_message","language":{"code":"en"},
			  "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}}""";

	private final AccountRegistry accounts;

	private final Ledger ledger;

	private final WebTestClient admin;

	private final GraphClient graph;

	LimitsTests(@Autowired AccountRegistry accounts, @Autowired Ledger ledger, @Autowired WebTestClient admin,
			@Autowired WebClient.Builder builder, @Autowired Environment environment) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.admin = admin;
		this.graph = new GraphClient(builder, environment);
	}

	@Test
	void aBurstOverTheThroughputLosesExactlyTheExcessWithMetasError() {
		Account account = TestNumbers.add(this.accounts, null, 10, false, 1000);
		List<Answer> answers = Flux.range(0, 15)
			.flatMap((i) -> this.graph.send(account, GraphClient.text("+1650555" + (2000 + i), "burst " + i)), 15)
			.collectList()
			.block(Duration.ofSeconds(10));
		Map<Integer, Long> byStatus = answers.stream()
			.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		assertThat(byStatus).containsEntry(200, 10L).containsEntry(400, 5L);
		Answer refused = answers.stream().filter((answer) -> answer.status() == 400).findFirst().orElseThrow();
		JsonNode error = refused.json().get("error");
		JsonNode sample = Samples.json("api/metadoc_error_130429_rate_limit_hit.json");
		assertThat(Samples.shape(refused.json())).isEqualTo(Samples.shape(sample));
		for (String field : List.of("message", "type", "code", "error_subcode")) {
			assertThat(error.get(field)).as(field).isEqualTo(sample.get("error").get(field));
		}
		assertThat(error.get("error_data")).isEqualTo(sample.get("error").get("error_data"));
		assertThat(this.ledger.entries(account.phoneNumberId(), null, null)).hasSize(10);
	}

	@Test
	void pacingUnderTheLimitIsNeverRefusedAndSendingFasterIs() {
		Account account = TestNumbers.add(this.accounts, null, 20, false, 1000);
		List<Integer> paced = Flux.range(0, 25)
			.concatMap((i) -> Mono.delay(Duration.ofMillis(60))
				.then(this.graph.send(account, GraphClient.text("+16505553000", "paced " + i))))
			.map(Answer::status)
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(paced).containsOnly(200);
		List<Integer> fast = Flux.range(0, 30)
			.concatMap((i) -> Mono.delay(Duration.ofMillis(20))
				.then(this.graph.send(account, GraphClient.text("+16505553001", "fast " + i))))
			.map(Answer::status)
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(fast).contains(200, 400);
	}

	@Test
	void theThroughputCanBeChangedAtRuntimeAndRequestErrorsComeFirst() {
		Account account = TestNumbers.add(this.accounts, null, 1000, false, 1000);
		this.admin.post()
			.uri("/admin/limits/numbers/{id}", account.phoneNumberId())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"throughputPerSecond\":2}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.throughputPerSecond")
			.isEqualTo(2)
			.jsonPath("$.enforceServiceWindow")
			.isEqualTo(false);
		Account updated = this.accounts.byPhoneNumberId(account.phoneNumberId()).orElseThrow();
		assertThat(this.graph.sendAndWait(updated, GraphClient.text("+16505554000", "one")).status()).isEqualTo(200);
		Answer invalid = this.graph.sendAndWait(updated, GraphClient.text("+999", "bad number"));
		assertThat(invalid.code()).isEqualTo(131009);
		Answer third = this.graph.sendAndWait(updated, GraphClient.text("+16505554000", "three"));
		assertThat(third.status()).isEqualTo(400);
		assertThat(third.code()).isEqualTo(130429);
		assertThat(this.graph.sendAndWait(updated, GraphClient.text("+999", "bad")).code()).isEqualTo(131009);
		this.admin.get()
			.uri("/admin/limits")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.defaults.throughputPerSecond")
			.isEqualTo(80)
			.jsonPath("$.defaults.throughputHttpStatus")
			.isEqualTo(400)
			.jsonPath("$.numbers['%s'].throughputPerSecond".formatted(account.phoneNumberId()))
			.isEqualTo(2);
	}

	@Test
	void thePairLimitBlocksOneRecipientAfterItsBurstOnly() {
		Account account = TestNumbers.add(this.accounts, null, 1000, false, 3);
		for (int i = 0; i < 3; i++) {
			assertThat(this.graph.sendAndWait(account, GraphClient.text("+16505555000", "hi " + i)).status())
				.isEqualTo(200);
		}
		Answer blocked = this.graph.sendAndWait(account, GraphClient.text("+16505555000", "one too many"));
		assertThat(blocked.status()).isEqualTo(400);
		JsonNode sample = Samples.json("api/captured_error_131056_pair_rate_limit.json").get("error");
		JsonNode error = blocked.json().get("error");
		assertThat(error.get("code")).isEqualTo(sample.get("code"));
		assertThat(error.get("message")).isEqualTo(sample.get("message"));
		assertThat(error.get("type")).isEqualTo(sample.get("type"));
		assertThat(error.get("error_data").get("details")).isEqualTo(sample.get("error_data").get("details"));
		assertThat(this.graph.sendAndWait(account, String.format(TEMPLATE, "+16505555000")).code()).isEqualTo(131056);
		assertThat(this.graph.sendAndWait(account, GraphClient.text("+16505555001", "someone else")).status())
			.isEqualTo(200);
		assertThat(this.ledger.entries(account.phoneNumberId(), "+16505555000", null)).hasSize(3);
	}

	@Test
	void freeFormMessagesNeedAnOpenServiceWindow() {
		Account account = TestNumbers.add(this.accounts, null, 1000, null, 1000);
		Answer text = this.graph.sendAndWait(account, GraphClient.text("+16505556000", "hello?"));
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.json().get("error").get("message").asString()).isEqualTo("(#131047) Re-engagement message");
		assertThat(text.json().get("error").get("error_data").get("details").asString())
			.isEqualTo("More than 24 hours have passed since the recipient last replied to the sender number.");
		assertThat(this.graph.sendAndWait(account, """
				{"messaging_product":"whatsapp","to":"+16505556000","type":"reaction",
				 "reaction":{"message_id":"wamid.x","emoji":"👍"}}""").code()).isEqualTo(131047);
		assertThat(this.graph.sendAndWait(account, String.format(TEMPLATE, "+16505556000")).status()).isEqualTo(200);
		assertThat(this.graph.sendAndWait(account, """
				{"messaging_product":"whatsapp","status":"read","message_id":"wamid.x"}""").status()).isEqualTo(200);
		this.admin.post()
			.uri("/admin/inbound")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"phoneNumberId":"%s","from":"+16505556000","text":"I'm back"}"""
				.formatted(account.phoneNumberId()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(this.graph.sendAndWait(account, GraphClient.text("+16505556000", "welcome back")).status())
			.isEqualTo(200);
		assertThat(this.graph.sendAndWait(account, GraphClient.text("+16505556001", "a stranger")).code())
			.isEqualTo(131047);
		this.admin.post()
			.uri("/admin/limits/numbers/{id}", account.phoneNumberId())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"enforceServiceWindow\":false}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		Account demo = this.accounts.byPhoneNumberId(account.phoneNumberId()).orElseThrow();
		assertThat(this.graph.sendAndWait(demo, GraphClient.text("+16505556001", "demo mode")).status()).isEqualTo(200);
	}

	@Test
	void theWindowIsCheckedBeforeThePairLimitWhichRefusalsDoNotUse() {
		Account account = TestNumbers.add(this.accounts, null, 1000, true, 1);
		assertThat(this.graph.sendAndWait(account, GraphClient.text("+16505557000", "no window")).code())
			.isEqualTo(131047);
		assertThat(this.graph.sendAndWait(account, String.format(TEMPLATE, "+16505557000")).status()).isEqualTo(200);
		assertThat(this.graph.sendAndWait(account, String.format(TEMPLATE, "+16505557000")).code()).isEqualTo(131056);
		assertThat(this.graph.sendAndWait(account, GraphClient.text("+16505557000", "still no window")).code())
			.isEqualTo(131047);
		Function<String, Integer> undeliverable = (to) -> this.graph.sendAndWait(account, String.format(TEMPLATE, to))
			.code();
		assertThat(undeliverable.apply("+16505550000")).isEqualTo(131026);
		assertThat(undeliverable.apply("+16505550000")).as("131026 gives the pair's token back").isEqualTo(131026);
	}

}
