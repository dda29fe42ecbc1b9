package com.waplatform.gateway.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.crypto.WebhookSignature;
import com.waplatform.common.event.Event;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.gateway.GatewayFixtures;
import com.waplatform.gateway.GatewayFixtures.Tenant;
import com.waplatform.testsupport.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Meta's webhook endpoint with the real HTTP server and Kafka broker. */
@SpringBootTest(classes = { GatewayApplication.class, WebhookIngressTests.Recorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				"gateway.webhook.verify-token=verify-me" })
@AutoConfigureWebTestClient
@DirtiesContext
class WebhookIngressTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final WebTestClient client;

	private final Recorder recorder;

	@Autowired
	WebhookIngressTests(WebTestClient client, Recorder recorder) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.recorder = recorder;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void handshakeEchoesTheChallengeOnlyForTheVerifyToken() {
		this.client.get()
			.uri("/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("1158201444");
		this.client.get()
			.uri("/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444")
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/webhooks/meta?hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void signedWebhookIsStoredByteForByteAndBadSignaturesAreRefused() throws IOException {
		String appSecret = "app-secret-" + UUID.randomUUID();
		Tenant tenant = GatewayFixtures.aTenantWithADefaultNumber(this.client, appSecret);
		byte[] forged = payload(tenant.wabaId(), "wamid.forged");
		post(forged, WebhookSignature.sign("not-the-app-secret", forged)).expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		post(forged, null).expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);

		byte[] genuine = payload(tenant.wabaId(), "wamid.genuine");
		post(genuine, WebhookSignature.sign(appSecret, genuine)).expectStatus().isOk();

		await().atMost(WAIT).until(() -> !this.recorder.forWaba(tenant.wabaId()).isEmpty());
		ConsumerRecord<String, Event> record = this.recorder.forWaba(tenant.wabaId()).get(0);
		WebhookReceived received = (WebhookReceived) record.value();
		assertThat(record.key()).isEqualTo(tenant.wabaId());
		assertThat(received.organizationId()).isEqualTo(tenant.organizationId());
		assertThat(received.payload()).isEqualTo(new String(genuine, StandardCharsets.UTF_8))
			.contains("Zo\\u00eb T\\u00e9st");
		// the forged notification, sent first, never reached the topic
		assertThat(this.recorder.forWaba(tenant.wabaId())).hasSize(1);
	}

	@Test
	void signedButUnparseableWebhookIsABadRequest() {
		String appSecret = "app-secret-" + UUID.randomUUID();
		GatewayFixtures.aTenantWithADefaultNumber(this.client, appSecret);
		byte[] body = "{\"object\": \"whatsapp_business_account\", \"entry\": []}".getBytes(StandardCharsets.UTF_8);
		post(body, WebhookSignature.sign(appSecret, body)).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void webhookOfAnUnknownAccountIsKeptForReplay() throws IOException {
		String appSecret = "app-secret-" + UUID.randomUUID();
		GatewayFixtures.aTenantWithADefaultNumber(this.client, appSecret);
		String strangerWaba = "9" + UUID.randomUUID().toString().replaceAll("\\D", "");
		byte[] body = payload(strangerWaba, "wamid.unknown");
		post(body, WebhookSignature.sign(appSecret, body)).expectStatus().isOk();
		await().atMost(WAIT).until(() -> !this.recorder.forWaba(strangerWaba).isEmpty());
		assertThat(this.recorder.forWaba(strangerWaba).get(0).value().organizationId())
			.isEqualTo(WebhookReceived.UNKNOWN_ORGANIZATION);
	}

	private WebTestClient.ResponseSpec post(byte[] body, String signature) {
		return this.client.post().uri("/webhooks/meta").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (signature != null) {
				headers.set(WebhookSignature.HEADER, signature);
			}
		}).bodyValue(body).exchange();
	}

	private static byte[] payload(String wabaId, String wamid) throws IOException {
		String sample = new ClassPathResource("webhooks/status_delivered.json")
			.getContentAsString(StandardCharsets.UTF_8);
		return sample.replace("5467539754836534", wabaId)
			.replace("wamid.xyzxyz", wamid)
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Records what the gateway publishes for the webhook service. */
	static class Recorder {

		private final List<ConsumerRecord<String, Event>> records = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "wa.webhook-events", groupId = "gateway-webhook-tests")
		void on(ConsumerRecord<String, Event> record) {
			this.records.add(record);
		}

		List<ConsumerRecord<String, Event>> forWaba(String wabaId) {
			return this.records.stream().filter((record) -> wabaId.equals(record.key())).toList();
		}

	}

}
