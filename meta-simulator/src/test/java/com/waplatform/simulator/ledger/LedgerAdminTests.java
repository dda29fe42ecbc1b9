package com.waplatform.simulator.ledger;

import java.util.UUID;

import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/ledger} and the {@link Ledger} bean after real sends. */
@SimulatorTest
class LedgerAdminTests {

	private final WebTestClient client;

	private final Ledger ledger;

	LedgerAdminTests(@Autowired WebTestClient client, @Autowired Ledger ledger) {
		this.client = client;
		this.ledger = ledger;
	}

	@Test
	void countsAndListsByCallbackData() {
		String callbackData = "ledger-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			send("+16505550199", "hello " + i, callbackData);
		}
		send("+16505550199", "other", "something-else");
		send(TestAccounts.UNDELIVERABLE, "rejected", callbackData);
		assertThat(this.ledger.countByCallbackData(callbackData)).isEqualTo(3);
		this.client.get()
			.uri("/admin/ledger/count?callbackData={cb}", callbackData)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"count\":3}");
		this.client.get()
			.uri("/admin/ledger?callbackData={cb}&phoneNumberId={pn}&to={to}", callbackData,
					TestAccounts.PHONE_NUMBER_ID, "16505550199")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(3)
			.jsonPath("$[0].type")
			.isEqualTo("text")
			.jsonPath("$[0].renderedText")
			.isEqualTo("hello 0")
			.jsonPath("$[0].waId")
			.isEqualTo("16505550199")
			.jsonPath("$[0].wamid")
			.value((wamid) -> assertThat((String) wamid).startsWith("wamid."))
			.jsonPath("$[2].requestJson")
			.value((json) -> assertThat((String) json).contains("hello 2"));
		assertThat(this.ledger.entries(null, null, callbackData)).extracting(LedgerEntry::sequence).isSorted();
	}

	/**
	 * A send's W3C trace context ({@code traceparent}), which Meta ignores, is kept so
	 * that a test can follow a message's trace to the call; a send without one keeps
	 * none.
	 */
	@Test
	void recordsTheTraceContextOfEachSend() {
		String callbackData = "traced-" + UUID.randomUUID();
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		this.client.post()
			.uri(TestAccounts.messagesPath())
			.headers((headers) -> headers.setBearerAuth(TestAccounts.TOKEN))
			.header("traceparent", traceparent)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					"""
							{"messaging_product":"whatsapp","to":"+16505550199","type":"text","text":{"body":"hi"},"biz_opaque_callback_data":"%s"}"""
						.formatted(callbackData))
			.exchange()
			.expectStatus()
			.isOk();
		send("+16505550199", "untraced", callbackData);
		this.client.get()
			.uri("/admin/ledger?callbackData={cb}", callbackData)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].traceparent")
			.isEqualTo(traceparent)
			.jsonPath("$[1].traceparent")
			.doesNotExist();
	}

	@Test
	void recordsTemplateSendsWithTheirRendering() {
		String callbackData = "ledger-" + UUID.randomUUID();
		this.client.post()
			.uri(TestAccounts.messagesPath())
			.headers((headers) -> headers.setBearerAuth(TestAccounts.TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					"""
							{"messaging_product":"whatsapp","to":"+16505550199","type":"template","biz_opaque_callback_data":"%s",
							 "template":{"name":"inquiry_received","language":{"code":"en"},
							  "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"Porto"}]}]}}"""
						.formatted(callbackData))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(this.ledger.entries(null, null, callbackData)).singleElement().satisfies((entry) -> {
			assertThat(entry.templateName()).isEqualTo("inquiry_received");
			assertThat(entry.templateLanguage()).isEqualTo("en");
			assertThat(entry.renderedText()).startsWith("Hi Ana, thanks for your inquiry about Porto.");
		});
	}

	@Test
	void recordsReadReceiptsWithTheWamidButNotAsMessages() {
		String wamid = "wamid.read-" + UUID.randomUUID();
		long messages = this.ledger.size();
		this.client.post()
			.uri(TestAccounts.messagesPath())
			.headers((headers) -> headers.setBearerAuth(TestAccounts.TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					"""
							{"messaging_product":"whatsapp","status":"read","message_id":"%s","typing_indicator":{"type":"text"}}"""
						.formatted(wamid))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"success\":true}");
		this.client.get()
			.uri("/admin/ledger/reads?phoneNumberId={pn}&messageId={wamid}", TestAccounts.PHONE_NUMBER_ID, wamid)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].messageId")
			.isEqualTo(wamid)
			.jsonPath("$[0].typingIndicator")
			.isEqualTo(true);
		assertThat(this.ledger.reads(null, "wamid.never-read")).isEmpty();
		assertThat(this.ledger.size()).isEqualTo(messages);
	}

	@Test
	void deleteClearsTheLedger() {
		send("+16505550199", "to be forgotten", "ledger-clear");
		this.client.delete().uri("/admin/ledger").exchange().expectStatus().isNoContent().expectBody().returnResult();
		assertThat(this.ledger.entries()).isEmpty();
		assertThat(this.ledger.reads(null, null)).isEmpty();
		this.client.get().uri("/admin/ledger/count").exchange().expectBody().json("{\"count\":0}");
	}

	private void send(String to, String text, String callbackData) {
		this.client.post()
			.uri(TestAccounts.messagesPath())
			.headers((headers) -> headers.setBearerAuth(TestAccounts.TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					"""
							{"messaging_product":"whatsapp","to":"%s","type":"text","text":{"body":"%s"},"biz_opaque_callback_data":"%s"}"""
						.formatted(to, text, callbackData))
			.exchange()
			.expectBody()
			.returnResult();
	}

}
