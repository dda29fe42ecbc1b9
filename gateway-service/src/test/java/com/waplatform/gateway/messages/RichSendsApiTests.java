package com.waplatform.gateway.messages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Location, contacts, interactive cta_url and media-by-id sends through
 * {@code POST /v1/messages} on the real gateway: 202, and the send request published to
 * {@code wa.send-requests} carries Meta's object unchanged (what the sender serializes to
 * Meta); bad objects are a 400 or 422 naming the field, and nothing is published.
 */
@SpringBootTest(classes = { GatewayApplication.class, RichSendsApiTests.Recorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway-service", "gateway.admin-token=" + GatewayFixtures.ADMIN_TOKEN,
				// free-form sends to customers who never wrote: not what these tests are
				// about
				"gateway.conversations.enforce-service-window=false" })
@AutoConfigureWebTestClient
@DirtiesContext
class RichSendsApiTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final WebTestClient client;

	private final Recorder recorder;

	@Autowired
	RichSendsApiTests(WebTestClient client, Recorder recorder) {
		this.client = client.mutate().responseTimeout(WAIT).build();
		this.recorder = recorder;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void locationIsPublishedAsMetasLocationObject() {
		Tenant tenant = tenant();
		String id = accepted(tenant, """
				{"to": "+14155550123", "type": "location", "context": {"type": "booking", "id": "B-7"},
				 "location": {"latitude": 41.3874, "longitude": "2.1686", "name": "Meeting point",
				              "address": "Plaça de Catalunya, Barcelona"}}""");
		MetaMessage message = published(id).message();
		assertThat(message.type()).isEqualTo("location");
		assertThat(message.to()).isEqualTo("+14155550123");
		assertThat(message.location())
			.isEqualTo(new MetaMessage.Location("41.3874", "2.1686", "Meeting point", "Plaça de Catalunya, Barcelona"));
		this.client.get()
			.uri("/v1/messages/{id}", id)
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("location");
	}

	@Test
	void contactsArePublishedAsGiven() {
		Tenant tenant = tenant();
		String id = accepted(tenant, """
				{"to": "+14155550123", "type": "contacts", "contacts": [{
				  "name": {"formatted_name": "Ann Guide", "first_name": "Ann", "last_name": "Guide"},
				  "phones": [{"phone": "+1 415 555 0199", "type": "WORK", "wa_id": "14155550199"}],
				  "urls": [{"url": "https://acme.example", "type": "WORK"}]}]}""");
		SendRequest request = published(id);
		assertThat(request.message().type()).isEqualTo("contacts");
		assertThat(Json.mapper().writeValueAsString(request.message().contacts()))
			.isEqualTo("[{\"name\":{\"formatted_name\":\"Ann Guide\",\"first_name\":\"Ann\",\"last_name\":\"Guide\"},"
					+ "\"phones\":[{\"phone\":\"+1 415 555 0199\",\"type\":\"WORK\",\"wa_id\":\"14155550199\"}],"
					+ "\"urls\":[{\"url\":\"https://acme.example\",\"type\":\"WORK\"}]}]");
	}

	@Test
	void ctaUrlIsPublishedWithItsActionParameters() {
		Tenant tenant = tenant();
		String id = accepted(tenant, """
				{"to": "+14155550123", "type": "interactive", "interactive": {"type": "cta_url",
				 "header": {"type": "text", "text": "Your tour"}, "body": {"text": "Your booking, online"},
				 "footer": {"text": "Acme Tours"},
				 "action": {"name": "cta_url",
				            "parameters": {"display_text": "Open booking", "url": "https://acme.example/b/B-7"}}}}""");
		MetaMessage.Interactive interactive = published(id).message().interactive();
		assertThat(interactive.type()).isEqualTo("cta_url");
		assertThat(interactive.body().text()).isEqualTo("Your booking, online");
		assertThat(interactive.header().text()).isEqualTo("Your tour");
		assertThat(interactive.action().name()).isEqualTo("cta_url");
		assertThat(Json.mapper().writeValueAsString(interactive.action().parameters()))
			.isEqualTo("{\"display_text\":\"Open booking\",\"url\":\"https://acme.example/b/B-7\"}");
	}

	@Test
	void mediaByUploadedIdIsPublishedWithTheId() {
		Tenant tenant = tenant();
		String id = accepted(tenant, """
				{"to": "+14155550123", "type": "document",
				 "document": {"id": "1037543291543636", "filename": "ticket.pdf", "caption": "Your ticket"}}""");
		assertThat(published(id).message().document())
			.isEqualTo(new MetaMessage.Media("1037543291543636", null, "Your ticket", "ticket.pdf"));
	}

	@Test
	void badObjectsAreProblemsNamingTheFieldAndNothingIsPublished() {
		Tenant tenant = tenant();
		refused(tenant, """
				{"to": "+14155550123", "type": "location", "location": {"latitude": 91, "longitude": 2.1}}""",
				HttpStatus.UNPROCESSABLE_CONTENT, "location.latitude");
		refused(tenant, """
				{"to": "+14155550123", "type": "location", "location": {"latitude": {"deg": 41}, "longitude": 2.1}}""",
				HttpStatus.BAD_REQUEST, "location.latitude");
		refused(tenant, """
				{"to": "+14155550123", "type": "contacts", "contacts": [{"name": {"first_name": "Ann"}}]}""",
				HttpStatus.UNPROCESSABLE_CONTENT, "contacts[0].name.formatted_name");
		refused(tenant, """
				{"to": "+14155550123", "type": "contacts", "contacts": {"name": {"formatted_name": "Ann"}}}""",
				HttpStatus.BAD_REQUEST, "contacts");
		refused(tenant, """
				{"to": "+14155550123", "type": "interactive", "interactive": {"type": "cta_url", "body": {"text": "Hi"},
				 "action": {"name": "cta_url", "parameters": {"display_text": "Open the booking page now",
				                                              "url": "https://acme.example"}}}}""",
				HttpStatus.UNPROCESSABLE_CONTENT, "interactive.action.parameters.display_text");
		refused(tenant,
				"""
						{"to": "+14155550123", "type": "interactive", "interactive": {"type": "cta_url", "body": {"text": "Hi"},
						 "action": {"name": "cta_url", "parameters": {"display_text": "Open", "url": "javascript:alert(1)"}}}}""",
				HttpStatus.UNPROCESSABLE_CONTENT, "interactive.action.parameters.url");
		await().during(Duration.ofSeconds(2))
			.atMost(WAIT)
			.until(() -> this.recorder.of(tenant.organizationId()).isEmpty());
	}

	private Tenant tenant() {
		return GatewayFixtures.aTenantWithADefaultNumber(this.client, "app-secret-" + UUID.randomUUID());
	}

	private String accepted(Tenant tenant, String json) {
		Map<?, ?> accepted = this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(accepted.get("status")).isEqualTo("queued");
		return (String) accepted.get("id");
	}

	private void refused(Tenant tenant, String json, HttpStatus status, String field) {
		this.client.post()
			.uri("/v1/messages")
			.headers((headers) -> headers.setBearerAuth(tenant.apiKey()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo((status == HttpStatus.BAD_REQUEST) ? "urn:waplatform:problem:malformed-request"
					: "urn:waplatform:problem:invalid-request")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private SendRequest published(String messageId) {
		await().atMost(WAIT).until(() -> this.recorder.find(messageId) != null);
		return this.recorder.find(messageId);
	}

	/** Records what the gateway publishes for the sender. */
	static class Recorder {

		private final List<SendRequest> requests = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "wa.send-requests", groupId = "rich-sends-api-tests")
		void onSendRequest(ConsumerRecord<String, Event> record) {
			if (record.value() instanceof SendRequest request) {
				this.requests.add(request);
			}
		}

		SendRequest find(String messageId) {
			return this.requests.stream()
				.filter((request) -> request.messageId().equals(messageId))
				.findFirst()
				.orElse(null);
		}

		List<SendRequest> of(String organizationId) {
			return this.requests.stream().filter((request) -> request.organizationId().equals(organizationId)).toList();
		}

	}

}
