package com.waplatform.simulator.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.waplatform.simulator.SimulatorTest;
import com.waplatform.simulator.TestAccounts;
import com.waplatform.simulator.TestNumbers;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta's media API over real HTTP: upload, retrieve (metadata and a short-lived URL),
 * download with the token, delete; Meta's errors; sends by media id.
 */
@SimulatorTest
class MediaApiTests {

	private static final byte[] PICTURE = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

	private final WebTestClient client;

	private final AccountRegistry accounts;

	private final Ledger ledger;

	private Account account;

	MediaApiTests(@Autowired WebTestClient client, @Autowired AccountRegistry accounts, @Autowired Ledger ledger) {
		this.client = client;
		this.accounts = accounts;
		this.ledger = ledger;
	}

	@BeforeEach
	void freshNumber() {
		this.account = TestNumbers.unlimited(this.accounts, null);
	}

	@Test
	void uploadedFileIsRetrievedDownloadedAndDeleted() throws Exception {
		String id = upload(this.account, "image/jpeg", PICTURE).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();

		JsonNode info = retrieve(id, this.account.accessToken()).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(info.get("messaging_product").asString()).isEqualTo("whatsapp");
		assertThat(info.get("id").asString()).isEqualTo(id);
		assertThat(info.get("mime_type").asString()).isEqualTo("image/jpeg");
		assertThat(info.get("file_size").asLong()).isEqualTo(PICTURE.length);
		assertThat(info.get("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PICTURE)));
		String url = info.get("url").asString();
		assertThat(url).contains("/whatsapp_business/attachments/?mid=" + id);

		byte[] bytes = this.client.get()
			.uri(url)
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("image/jpeg")
			.expectHeader()
			.contentLength(PICTURE.length)
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(bytes).isEqualTo(PICTURE);
		graphError(this.client.get().uri(url).exchange(), 401, 190);
		graphError(this.client.get()
			.uri(url.replaceAll("hash=[^&]+", "hash=forged"))
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.exchange(), 404, 100);

		this.client.delete()
			.uri("/v23.0/{id}", id)
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"success\":true}");
		graphError(retrieve(id, this.account.accessToken()), 400, 100);
	}

	@Test
	void metasErrorsForTokensUnknownIdsAndBadFiles() {
		String id = upload(this.account, "image/png", PICTURE).expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		graphError(retrieve(id, null), 401, 190);
		graphError(retrieve(id, "not-a-token"), 401, 190);
		graphError(retrieve("987654321", this.account.accessToken()), 400, 100);
		// a token of another WABA does not learn that the file exists
		graphError(retrieve(id, TestAccounts.OTHER_TOKEN), 400, 100);
		graphError(upload(this.account, "image/gif", PICTURE), 400, 131053);
		graphError(upload(this.account, "image/webp", new byte[600 * 1024]), 400, 131053);
		MultipartBodyBuilder withoutProduct = new MultipartBodyBuilder();
		withoutProduct.part("file", new ByteArrayResource(PICTURE)).filename("a.jpg");
		withoutProduct.part("type", "image/jpeg");
		graphError(this.client.post()
			.uri("/v23.0/{id}/media", this.account.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.body(BodyInserters.fromMultipartData(withoutProduct.build()))
			.exchange(), 400, 100);
		graphError(this.client.post()
			.uri("/v23.0/{id}/media", this.account.phoneNumberId())
			.body(BodyInserters.fromMultipartData(withoutProduct.build()))
			.exchange(), 401, 190);
	}

	@Test
	void sendsByMediaIdNeedAFileTheSimulatorHolds() {
		String id = upload(this.account, "image/jpeg", PICTURE).expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		send("""
				{"messaging_product":"whatsapp","to":"+16505551234","type":"image","image":{"id":"%s","caption":"hi"}}"""
			.formatted(id)).expectStatus().isOk();
		graphError(send("""
				{"messaging_product":"whatsapp","to":"+16505551234","type":"image","image":{"id":"111222333"}}"""), 400,
				131053);
		assertThat(this.ledger.rejections(131053))
			.anyMatch((rejection) -> rejection.requestJson().contains("111222333"));
		assertThat(this.ledger.entries(this.account.phoneNumberId(), null, null)).singleElement()
			.satisfies((entry) -> assertThat(entry.type()).isEqualTo("image"));
	}

	private WebTestClient.ResponseSpec send(String json) {
		return this.client.post()
			.uri("/v23.0/{id}/messages", this.account.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(this.account.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private WebTestClient.ResponseSpec upload(Account account, String type, byte[] bytes) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(bytes)).filename("file.bin");
		body.part("type", type);
		body.part("messaging_product", "whatsapp");
		return this.client.post()
			.uri("/v23.0/{id}/media", account.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(account.accessToken()))
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private WebTestClient.ResponseSpec retrieve(String id, String token) {
		return this.client.get().uri("/v23.0/{id}", id).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchange();
	}

	private static void graphError(WebTestClient.ResponseSpec response, int status, int code) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(code)
			.jsonPath("$.error.fbtrace_id")
			.exists();
	}

}
