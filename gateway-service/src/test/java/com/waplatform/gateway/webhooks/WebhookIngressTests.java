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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

	private final MeterRegistry meters;

	@Autowired
	WebhookIngressTests(WebTestClient client, Recorder recorder, MeterRegistry meters) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.recorder = recorder;
		this.meters = meters;
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
	void webhookOfAnUnknownAccountIsAnsweredButNotStored() throws IOException {
		String appSecret = "app-secret-" + UUID.randomUUID();
		Tenant tenant = GatewayFixtures.aTenantWithADefaultNumber(this.client, appSecret);
		String strangerWaba = "9" + UUID.randomUUID().toString().replaceAll("\\D", "");
		double before = received("unknown-account");
		byte[] body = payload(strangerWaba, "wamid.unknown");
		post(body, WebhookSignature.sign(appSecret, body)).expectStatus().isOk();
		assertThat(received("unknown-account")).isEqualTo(before + 1);
		// a genuine webhook sent after it arrives, the stranger's never does
		byte[] genuine = payload(tenant.wabaId(), "wamid.after-unknown");
		post(genuine, WebhookSignature.sign(appSecret, genuine)).expectStatus().isOk();
		await().atMost(WAIT).until(() -> !this.recorder.forWaba(tenant.wabaId()).isEmpty());
		assertThat(this.recorder.forWaba(strangerWaba)).isEmpty();
	}

	/**
	 * A's account signed with B's app secret is refused: a tenant's webhook is checked
	 * with its own secret only, whoever else's matches.
	 */
	@Test
	void webhookSignedWithAnotherOrganizationsSecretIsRefused() throws IOException {
		String secretOfA = "app-secret-a-" + UUID.randomUUID();
		String secretOfB = "app-secret-b-" + UUID.randomUUID();
		Tenant a = GatewayFixtures.aTenantWithADefaultNumber(this.client, secretOfA);
		Tenant b = GatewayFixtures.aTenantWithADefaultNumber(this.client, secretOfB);
		double rejected = received("rejected");
		byte[] forA = payload(a.wabaId(), "wamid.cross-tenant");
		post(forA, WebhookSignature.sign(secretOfB, forA)).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		// one payload naming both organizations' accounts is nobody's, whichever secret
		// signed it
		byte[] mixed = mixedPayload(a.wabaId(), b.wabaId());
		post(mixed, WebhookSignature.sign(secretOfA, mixed)).expectStatus().isUnauthorized();
		post(mixed, WebhookSignature.sign(secretOfB, mixed)).expectStatus().isUnauthorized();
		assertThat(received("rejected")).isEqualTo(rejected + 3);

		// A's own webhook, sent after, is stored; the refused ones never were
		byte[] genuine = payload(a.wabaId(), "wamid.genuine-a");
		post(genuine, WebhookSignature.sign(secretOfA, genuine)).expectStatus().isOk();
		await().atMost(WAIT).until(() -> !this.recorder.forWaba(a.wabaId()).isEmpty());
		assertThat(this.recorder.forWaba(a.wabaId())).hasSize(1)
			.allSatisfy(
					(record) -> assertThat(((WebhookReceived) record.value()).payload()).contains("wamid.genuine-a"));
		assertThat(this.recorder.forWaba(b.wabaId())).isEmpty();
	}

	/**
	 * A template webhook for A signed with B's secret (the attack that once disabled A's
	 * template) is refused before it reaches the webhook service.
	 */
	@Test
	void templateStatusUpdateForAnotherOrganizationIsRefused() {
		String secretOfA = "app-secret-a-" + UUID.randomUUID();
		String secretOfB = "app-secret-b-" + UUID.randomUUID();
		Tenant a = GatewayFixtures.aTenantWithADefaultNumber(this.client, secretOfA);
		GatewayFixtures.aTenantWithADefaultNumber(this.client, secretOfB);
		byte[] disable = ("{\"object\": \"whatsapp_business_account\", \"entry\": [{\"id\": \"" + a.wabaId()
				+ "\", \"time\": 1700000000, \"changes\": [{\"field\": \"message_template_status_update\", "
				+ "\"value\": {\"event\": \"DISABLED\", \"message_template_id\": 1, "
				+ "\"message_template_name\": \"booking_confirmation\", \"message_template_language\": \"en\", "
				+ "\"reason\": null}}]}]}")
			.getBytes(StandardCharsets.UTF_8);
		post(disable, WebhookSignature.sign(secretOfB, disable)).expectStatus().isUnauthorized();
		post(disable, WebhookSignature.sign(secretOfA, disable)).expectStatus().isOk();
		await().atMost(WAIT).until(() -> !this.recorder.forWaba(a.wabaId()).isEmpty());
		assertThat(this.recorder.forWaba(a.wabaId())).hasSize(1);
	}

	private double received(String outcome) {
		Counter counter = this.meters.find("gateway.webhooks.received").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static byte[] mixedPayload(String firstWaba, String secondWaba) throws IOException {
		String first = new String(payload(firstWaba, "wamid.mixed-1"), StandardCharsets.UTF_8);
		String second = new String(payload(secondWaba, "wamid.mixed-2"), StandardCharsets.UTF_8);
		// entries of both payloads in one notification
		String secondEntry = second.substring(second.indexOf('[') + 1, second.lastIndexOf(']'));
		int end = first.lastIndexOf(']');
		return (first.substring(0, end) + ", " + secondEntry + first.substring(end)).getBytes(StandardCharsets.UTF_8);
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
