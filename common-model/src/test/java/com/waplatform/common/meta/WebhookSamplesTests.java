package com.waplatform.common.meta;

import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.WebhookPayload.MessagesValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every saved Meta webhook parses; the {@code messages} ones into {@link MessagesValue}.
 */
class WebhookSamplesTests {

	static List<String> webhooks() {
		return MetaSamples.names("webhooks", (name) -> true);
	}

	@ParameterizedTest
	@MethodSource("webhooks")
	void parsesTheEnvelope(String name) {
		JsonNode sample = MetaSamples.tree("webhooks", name);
		WebhookPayload payload = Json.mapper().treeToValue(sample, WebhookPayload.class);
		assertThat(payload.object()).isEqualTo("whatsapp_business_account");
		assertThat(payload.entry()).hasSize(sample.get("entry").size()).isNotEmpty();
		for (int e = 0; e < payload.entry().size(); e++) {
			WebhookPayload.Entry entry = payload.entry().get(e);
			JsonNode raw = sample.get("entry").get(e);
			assertThat(entry.id()).isEqualTo(raw.get("id").asString());
			assertThat(entry.changes()).extracting(WebhookPayload.Change::field)
				.containsExactlyElementsOf(
						raw.get("changes").valueStream().map((c) -> c.get("field").asString()).toList());
			entry.changes().forEach((change) -> assertThat(change.value().isObject()).isTrue());
		}
	}

	@ParameterizedTest
	@MethodSource("webhooks")
	void messagesFieldParsesWithStatusesMessagesAndErrors(String name) {
		WebhookPayload payload = MetaSamples.read("webhooks", name, WebhookPayload.class);
		for (WebhookPayload.Entry entry : payload.entry()) {
			for (WebhookPayload.Change change : entry.changes()) {
				if (change.field().equals("messages")) {
					assertMessagesValue(change.value(), Json.mapper().treeToValue(change.value(), MessagesValue.class));
				}
			}
		}
	}

	private static void assertMessagesValue(JsonNode raw, MessagesValue value) {
		assertThat(value.metadata().phoneNumberId()).isEqualTo(raw.at("/metadata/phone_number_id").asString());
		assertThat(count(value.statuses())).isEqualTo(raw.path("statuses").size());
		assertThat(count(value.messages())).isEqualTo(raw.path("messages").size());
		assertThat(count(value.errors())).isEqualTo(raw.path("errors").size());
		assertThat(count(value.contacts())).isEqualTo(raw.path("contacts").size());
		assertThat(count(value.statuses()) + count(value.messages())).isPositive();
		for (int i = 0; i < count(value.statuses()); i++) {
			WebhookPayload.Status status = value.statuses().get(i);
			JsonNode rawStatus = raw.get("statuses").get(i);
			assertThat(status.id()).isEqualTo(rawStatus.get("id").asString());
			assertThat(status.status()).isEqualTo(rawStatus.get("status").asString());
			assertThat(status.timestamp()).isEqualTo(rawStatus.get("timestamp").asString());
			assertThat(status.recipientId()).isEqualTo(rawStatus.path("recipient_id").asString(null));
			assertThat(status.bizOpaqueCallbackData())
				.isEqualTo(rawStatus.path("biz_opaque_callback_data").asString(null));
			assertErrors(status.errors(), rawStatus.path("errors"));
		}
		for (int i = 0; i < count(value.messages()); i++) {
			WebhookPayload.InboundMessageDto message = value.messages().get(i);
			JsonNode rawMessage = raw.get("messages").get(i);
			assertThat(message.id()).isEqualTo(rawMessage.get("id").asString());
			assertThat(message.type()).isEqualTo(rawMessage.get("type").asString());
			assertThat(message.from()).isEqualTo(rawMessage.path("from").asString(null));
			assertThat((message.text() != null) ? message.text().body() : null)
				.isEqualTo(rawMessage.at("/text/body").asString(null));
			assertErrors(message.errors(), rawMessage.path("errors"));
		}
		assertErrors(value.errors(), raw.path("errors"));
	}

	private static void assertErrors(List<WebhookPayload.WebhookError> errors, JsonNode raw) {
		assertThat(count(errors)).isEqualTo(raw.size());
		for (int i = 0; i < count(errors); i++) {
			assertThat(errors.get(i).code()).isEqualTo(raw.get(i).get("code").asInt()).isPositive();
			assertThat(errors.get(i).title()).isEqualTo(raw.get(i).path("title").asString(null));
			assertThat(errors.get(i).details()).isEqualTo(raw.get(i).at("/error_data/details").asString(null));
		}
	}

	@Test
	void knownSamples() {
		MessagesValue failed = messages("bindambc_status_failed_131047_reengagement.json");
		assertThat(failed.statuses().get(0).status()).isEqualTo("failed");
		assertThat(failed.statuses().get(0).errors()).extracting(WebhookPayload.WebhookError::code)
			.containsExactly(131047);
		MessagesValue tracked = messages("pywa_status_sent_biz_opaque_callback_data.json");
		assertThat(tracked.statuses().get(0).bizOpaqueCallbackData()).isNotBlank();
		MessagesValue quickReply = messages("spec_inbound_button_template_quick_reply.json");
		assertThat(quickReply.messages().get(0).button().payload()).isNotBlank();
		MessagesValue reaction = messages("spec_inbound_reaction.json");
		assertThat(reaction.messages().get(0).reaction().messageId()).startsWith("wamid.");
		MessagesValue withErrors = messages("pywa_inbound_errors_131000.json");
		assertThat(withErrors.errors()).extracting(WebhookPayload.WebhookError::code).containsExactly(131000);
		MessagesValue bsuid = messages("metadoc_bsuid_status_delivered_to_bsuid_empty_wa_id.json");
		assertThat(bsuid.statuses().get(0).recipientId()).isEmpty();
		assertThat(bsuid.statuses().get(0).recipientUserId()).isNotBlank();
		MessagesValue context = messages("pywa_inbound_text_reply_context.json");
		assertThat(context.messages().get(0).context().id()).startsWith("wamid.");
	}

	private static MessagesValue messages(String name) {
		WebhookPayload payload = MetaSamples.read("webhooks", name, WebhookPayload.class);
		return Json.mapper().treeToValue(payload.entry().get(0).changes().get(0).value(), MessagesValue.class);
	}

	private static int count(List<?> list) {
		return (list != null) ? list.size() : 0;
	}

}
