package com.waplatform.webhook.templates.domain;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.webhook.WebhookSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TemplateUpdateMappingTests {

	private static final UUID WEBHOOK = UUID.fromString("00000000-0000-0000-0000-00000000abcd");

	private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

	@Test
	void anApprovalCarriesTheNewStatus() {
		TemplateUpdated update = map("pywa_template_status_update_approved");

		assertThat(update.wabaId()).isEqualTo("102290129340398");
		assertThat(update.organizationId()).isEqualTo("org-1");
		assertThat(update.field()).isEqualTo("message_template_status_update");
		assertThat(update.templateId()).isEqualTo("1689556908129832");
		assertThat(update.name()).isEqualTo("order_confirmation");
		assertThat(update.language()).isEqualTo("en_US");
		assertThat(update.status()).isEqualTo("APPROVED");
		assertThat(update.reason()).isEqualTo("NONE");
		assertThat(update.quality()).isNull();
		assertThat(update.category()).isNull();
		assertThat(update.occurredAt()).isEqualTo(NOW);
		assertThat(update.key()).isEqualTo("102290129340398:order_confirmation:en_US");
		assertThat(update.value().path("message_template_category").asString()).isEqualTo("UTILITY");
	}

	@Test
	void aRejectionCarriesTheReasonAndTheRejectionInfo() {
		TemplateUpdated update = map("pywa_template_status_update_rejected");

		assertThat(update.status()).isEqualTo("REJECTED");
		assertThat(update.reason()).isEqualTo("INVALID_FORMAT");
		assertThat(update.name()).isEqualTo("abandoned_cart");
		assertThat(update.language()).isEqualTo("en");
		assertThat(update.value().path("rejection_info").path("reason").asString())
			.startsWith("Your template has parameters placed next to each other");
	}

	@Test
	void aScamRejection() {
		TemplateUpdated update = map("bindambc_template_status_update_rejected_scam");

		assertThat(update.wabaId()).isEqualTo("880480871844883");
		assertThat(update.templateId()).isEqualTo("905507062668800");
		assertThat(update.key()).isEqualTo("880480871844883:schedule_confirmation4:pt_BR");
		assertThat(update.status()).isEqualTo("REJECTED");
		assertThat(update.reason()).isEqualTo("SCAM");
	}

	@Test
	void aFlaggedTemplateWithANullReasonKeepsItsDisableInfo() {
		TemplateUpdated update = map("bindambc_template_status_update_flagged_disable_info");

		assertThat(update.status()).isEqualTo("FLAGGED");
		assertThat(update.reason()).isNull();
		assertThat(update.name()).isEqualTo("My message template");
		assertThat(update.language()).isEqualTo("en-US");
		assertThat(update.value().path("disable_info").path("disable_date").asString()).isEqualTo("January 31, 2021");
	}

	@Test
	void aQualityUpdateCarriesTheNewScore() {
		TemplateUpdated update = map("pywa_template_quality_update_yellow");

		assertThat(update.field()).isEqualTo("message_template_quality_update");
		assertThat(update.quality()).isEqualTo("YELLOW");
		assertThat(update.status()).isNull();
		assertThat(update.category()).isNull();
		assertThat(update.key()).isEqualTo("102290129340398:welcome_template:en_US");
	}

	@Test
	void aCategoryUpdateCarriesTheNewCategory() {
		TemplateUpdated update = map("pywa_template_category_update");

		assertThat(update.field()).isEqualTo("template_category_update");
		assertThat(update.category()).isEqualTo("MARKETING");
		assertThat(update.status()).isNull();
		assertThat(update.templateId()).isEqualTo("12345678");
		assertThat(update.key()).isEqualTo("57438975935:my_message_template:he");
	}

	@Test
	void theEventIdIsStablePerWebhookAndChange() {
		assertThat(map("pywa_template_status_update_approved").eventId())
			.isEqualTo(map("pywa_template_status_update_approved").eventId())
			.isNotEqualTo(map("pywa_template_status_update_rejected").eventId());
		WebhookPayload.Entry entry = WebhookSamples.payload("pywa_template_status_update_approved").entry().get(0);
		TemplateUpdated otherWebhook = TemplateUpdateMapping.map(UUID.randomUUID(), "org-1", entry.id(),
				entry.changes().get(0).field(), entry.changes().get(0).value(), NOW);
		assertThat(otherWebhook.eventId()).isNotEqualTo(map("pywa_template_status_update_approved").eventId());
	}

	@Test
	void changesThatNameNoTemplateOrStatusAreInvalid() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TemplateUpdateMapping.map(WEBHOOK, "org-1", "waba", TemplateUpdated.QUALITY_FIELD,
					Json.mapper().readTree("{\"new_quality_score\":\"RED\"}"), NOW))
			.withMessageContaining("names no template");
		assertThatIllegalArgumentException().isThrownBy(
				() -> TemplateUpdateMapping.map(WEBHOOK, "org-1", "waba", TemplateUpdated.STATUS_FIELD,
						Json.mapper()
							.readTree("{\"message_template_name\":\"x\",\"message_template_language\":\"en\"}"),
						NOW))
			.withMessageContaining("'event'");
		assertThatIllegalArgumentException().isThrownBy(() -> TemplateUpdateMapping.map(WEBHOOK, "org-1", "waba",
				"messages", Json.mapper().readTree("{}"), NOW));
	}

	private static TemplateUpdated map(String sample) {
		WebhookPayload.Entry entry = WebhookSamples.payload(sample).entry().get(0);
		WebhookPayload.Change change = entry.changes().get(0);
		return TemplateUpdateMapping.map(WEBHOOK, "org-1", entry.id(), change.field(), change.value(), NOW);
	}

}
