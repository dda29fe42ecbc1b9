package com.waplatform.gateway.media;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.inbound.InboundContext;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.kafka.Topics;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.simulator.MetaSimulatorApplication;
import com.waplatform.simulator.media.MediaStore;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /v1/media/{mediaId}} and {@code POST /v1/media} on the real gateway against
 * a real, in-process Meta simulator: uploads that the simulator holds and that can be
 * sent; inbound media streamed byte for byte; other organizations' ids, Meta's errors,
 * sizes and types refused with problems.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN })
@AutoConfigureWebTestClient
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaProxyTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TOKEN = "EAAG-secret-token";

	private static ConfigurableApplicationContext simulator;

	private final WebTestClient client;

	private final EventPublisher publisher;

	private final AccountDirectory directory;

	private WebTestClient meta;

	private Tenant a;

	private Tenant b;

	private Tenant wrongToken;

	@Autowired
	MediaProxyTests(WebTestClient client, EventPublisher publisher, AccountDirectory directory) {
		// the test reads whole files to compare them (the gateway streams them)
		this.client = client.mutate()
			.responseTimeout(WAIT)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.build();
		this.publisher = publisher;
		this.directory = directory;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		simulator = MetaSimulatorApplication.builder()
			.run("--server.port=0", "--platform.enabled=false",
					"--spring.autoconfigure.exclude=" + MetaSimulatorApplication.EMBEDDED_EXCLUDES,
					"--spring.main.banner-mode=off", "--simulator.seed-templates=false");
		registry.add("gateway.meta.base-url", MediaProxyTests::simulatorUrl);
	}

	@AfterAll
	static void stopSimulator() {
		if (simulator != null) {
			simulator.close();
		}
	}

	private static String simulatorUrl() {
		return "http://localhost:" + simulator.getEnvironment().getProperty("local.server.port");
	}

	@BeforeAll
	void tenantsKnownToMeta() {
		this.meta = WebTestClient.bindToServer().baseUrl(simulatorUrl()).responseTimeout(WAIT).build();
		this.a = GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-a-" + UUID.randomUUID());
		this.b = GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-b-" + UUID.randomUUID());
		this.wrongToken = GatewayFixtures.aTenantWithADefaultNumber(this.client, "secret-c-" + UUID.randomUUID());
		metaAccount(this.a, TOKEN);
		metaAccount(this.b, TOKEN);
		// Meta knows this number with another token than the one the platform holds
		metaAccount(this.wrongToken, "a-token-the-platform-does-not-have");
		await().atMost(WAIT)
			.until(() -> this.directory.phoneNumber(this.a.phoneNumberId()).isPresent()
					&& this.directory.phoneNumber(this.b.phoneNumberId()).isPresent()
					&& this.directory.phoneNumber(this.wrongToken.phoneNumberId()).isPresent());
	}

	@Test
	void uploadedFileIsHeldByMetaUsableInSendsAndFetchedBack() {
		byte[] picture = bytes(200_000);
		JsonNode uploaded = upload(this.a, picture, MediaType.IMAGE_JPEG, "photo.jpg", null).expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String id = uploaded.get("id").asString();
		assertThat(uploaded.get("mimeType").asString()).isEqualTo("image/jpeg");
		assertThat(uploaded.get("size").asLong()).isEqualTo(picture.length);
		assertThat(simulator.getBean(MediaStore.class).find(id)).hasValueSatisfying((held) -> {
			assertThat(held.bytes()).isEqualTo(picture);
			assertThat(held.phoneNumberId()).isEqualTo(this.a.phoneNumberId());
		});
		// a send by that id is accepted by Meta
		this.meta.post()
			.uri("/v23.0/{id}/messages", this.a.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(TOKEN))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"messaging_product\":\"whatsapp\",\"to\":\"+14155550123\",\"type\":\"image\","
					+ "\"image\":{\"id\":\"" + id + "\"}}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(fetch(this.a, id)).isEqualTo(picture);
		this.client.get()
			.uri("/v1/media/{id}", id)
			.headers((headers) -> headers.setBearerAuth(this.b.apiKey()))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void inboundMediaIsStreamedAsMetaServesItToItsOrganizationOnly() throws Exception {
		byte[] voiceNote = bytes(300_000);
		JsonNode inbound = this.meta.post()
			.uri("/admin/inbound")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phoneNumberId", this.a.phoneNumberId(), "from", "+14155550123", "type", "voice",
					"mediaContent", Base64.getEncoder().encodeToString(voiceNote)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String mediaId = inbound.get("media_id").asString();
		// before wa.inbound-messages says A received it, it is nobody's
		this.client.get()
			.uri("/v1/media/{id}", mediaId)
			.headers((headers) -> headers.setBearerAuth(this.a.apiKey()))
			.exchange()
			.expectStatus()
			.isNotFound();
		received(this.a, mediaId, "audio/ogg; codecs=opus");

		await().atMost(WAIT)
			.untilAsserted(() -> this.client.get()
				.uri("/v1/media/{id}", mediaId)
				.headers((headers) -> headers.setBearerAuth(this.a.apiKey()))
				.exchange()
				.expectStatus()
				.isOk());
		byte[] streamed = this.client.get()
			.uri("/v1/media/{id}", mediaId)
			.headers((headers) -> headers.setBearerAuth(this.a.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("audio/ogg;codecs=opus")
			.expectHeader()
			.contentLength(voiceNote.length)
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode atMeta = this.meta.get()
			.uri("/v23.0/{id}", mediaId)
			.headers((headers) -> headers.setBearerAuth(TOKEN))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(streamed).isEqualTo(voiceNote);
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(streamed)))
			.isEqualTo(atMeta.get("sha256").asString());
		this.client.get()
			.uri("/v1/media/{id}", mediaId)
			.headers((headers) -> headers.setBearerAuth(this.b.apiKey()))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/v1/media/{id}", "9999999999")
			.headers((headers) -> headers.setBearerAuth(this.a.apiKey()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void metasErrorsBecomeProblemsWithMetasCodeAndNeverTheToken() {
		// A's customer's media that Meta no longer has: Meta's 100 is a 404
		received(this.a, "777000111", "image/jpeg");
		await().atMost(WAIT)
			.untilAsserted(() -> this.client.get()
				.uri("/v1/media/{id}", "777000111")
				.headers((headers) -> headers.setBearerAuth(this.a.apiKey()))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.metaCode")
				.isEqualTo(100));
		// the platform's token is not the one Meta knows: 190, a 502
		String body = upload(this.wrongToken, bytes(10), MediaType.IMAGE_PNG, "a.png", null).expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"metaCode\":190").doesNotContain(TOKEN, "a-token-the-platform-does-not-have");
	}

	@Test
	void filesOverMetasLimitOrOfOtherTypesAreRefused() {
		upload(this.a, bytes(600 * 1024), MediaType.parseMediaType("image/webp"), "big.webp", null).expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		upload(this.a, bytes(5 * 1024 * 1024 + 1), MediaType.IMAGE_JPEG, "big.jpg", null).expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		upload(this.a, bytes(100), MediaType.IMAGE_GIF, "a.gif", null).expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		this.client.post()
			.uri("/v1/media")
			.headers((headers) -> headers.setBearerAuth(this.a.apiKey()))
			.body(BodyInserters.fromMultipartData("from", this.a.phoneNumberId()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("file");
	}

	private WebTestClient.ResponseSpec upload(Tenant tenant, byte[] bytes, MediaType type, String filename,
			String from) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(bytes)).filename(filename).contentType(type);
		if (from != null) {
			body.part("from", from);
		}
		return this.client.post()
			.uri("/v1/media")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private byte[] fetch(Tenant tenant, String id) {
		return this.client.get()
			.uri("/v1/media/{id}", id)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	/** wa.inbound-messages says the tenant's customer sent this media. */
	private void received(Tenant tenant, String mediaId, String mimeType) {
		InboundMessage message = new InboundMessage(UUID.randomUUID(), Instant.now(), tenant.organizationId(),
				tenant.phoneNumberId(), "+14155550123", "Ana", "wamid.media-" + UUID.randomUUID(), "image",
				Instant.now(), null, null, null, null,
				new InboundContent.Media("image", mediaId, mimeType, null, null, null, false, false, null),
				InboundContext.NONE);
		this.publisher.publish(Topics.INBOUND_MESSAGES, message).block(WAIT);
	}

	private void metaAccount(Tenant tenant, String token) {
		this.meta.post()
			.uri("/admin/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("wabaId", tenant.wabaId(), "phoneNumberId", tenant.phoneNumberId(), "displayPhoneNumber",
					"15550783881", "accessToken", token, "appSecret", "secret", "enforceServiceWindow", false))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private static byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		new java.util.Random(size).nextBytes(bytes);
		return bytes;
	}

}
