package com.waplatform.template.domain;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateFixtures;
import com.waplatform.common.template.TemplateUpdated;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedUpdateTests {

	private static final MessageTemplate WELCOME = TemplateFixtures.approved("welcome", "en_US");

	@Test
	void aStatusUpdateSetsTheStatusAndTheReason() {
		AppliedUpdate applied = AppliedUpdate
			.of(WELCOME,
					update(TemplateUpdated.STATUS_FIELD, "PAUSED", null, null, null,
							"{\"event\":\"PAUSED\",\"reason\":null,\"other_info\":{\"title\":\"FIRST_PAUSE\"}}"))
			.orElseThrow();

		assertThat(applied.template().status()).isEqualTo("PAUSED");
		assertThat(applied.template().components()).isEqualTo(WELCOME.components());
		assertThat(applied.statusUpdate()).isTrue();
		assertThat(applied.statusReason()).isEqualTo("other_info (title: FIRST_PAUSE)");
		assertThat(VersionedTemplate.of(applied.template()).version()).isNotEqualTo(TemplateVersion.of(WELCOME));
	}

	@Test
	void aRejectionKeepsMetasReasonOnTheTemplate() {
		AppliedUpdate applied = AppliedUpdate
			.of(WELCOME,
					update(TemplateUpdated.STATUS_FIELD, "REJECTED", "SCAM", null, null,
							"{\"event\":\"REJECTED\",\"reason\":\"SCAM\"}"))
			.orElseThrow();

		assertThat(applied.template().rejectedReason()).isEqualTo("SCAM");
		assertThat(applied.statusReason()).isEqualTo("SCAM");
	}

	@Test
	void reasonNoneAndAbsentInfosMeanNoReason() {
		TemplateUpdated approved = update(TemplateUpdated.STATUS_FIELD, "APPROVED", "NONE", null, null,
				"{\"event\":\"APPROVED\",\"reason\":\"NONE\"}");

		assertThat(AppliedUpdate.statusReason(approved)).isNull();
	}

	@Test
	void rejectionAndDisableInfosAreReadable() {
		TemplateUpdated rejected = update(TemplateUpdated.STATUS_FIELD, "REJECTED", "INVALID_FORMAT", null, null,
				"{\"rejection_info\":{\"reason\":\"Adjacent parameters\",\"recommendation\":\"Separate them\"},"
						+ "\"disable_info\":{\"disable_date\":\"January 31, 2021\"}}");

		assertThat(AppliedUpdate.statusReason(rejected))
			.isEqualTo("INVALID_FORMAT; rejection_info (reason: Adjacent parameters, recommendation: Separate them); "
					+ "disable_info (disable_date: January 31, 2021)");
	}

	@Test
	void qualityAndCategoryUpdates() {
		AppliedUpdate quality = AppliedUpdate
			.of(WELCOME, update(TemplateUpdated.QUALITY_FIELD, null, null, "YELLOW", null, "{}"))
			.orElseThrow();
		AppliedUpdate category = AppliedUpdate
			.of(WELCOME, update(TemplateUpdated.CATEGORY_FIELD, null, null, null, "MARKETING", "{}"))
			.orElseThrow();

		assertThat(quality.template().qualityScore().score()).isEqualTo("YELLOW");
		assertThat(quality.template().status()).isEqualTo("APPROVED");
		assertThat(quality.statusUpdate()).isFalse();
		assertThat(category.template().category()).isEqualTo("MARKETING");
	}

	@Test
	void componentUpdatesAndEmptyUpdatesApplyNothing() {
		TemplateUpdated components = update(TemplateUpdated.COMPONENTS_FIELD, null, null, null, null, "{}");

		assertThat(AppliedUpdate.of(WELCOME, components)).isEmpty();
		assertThat(AppliedUpdate.needsSync(components)).isTrue();
		assertThat(AppliedUpdate.of(WELCOME, update(TemplateUpdated.QUALITY_FIELD, null, null, null, null, "{}")))
			.isEmpty();
	}

	private static TemplateUpdated update(String field, @Nullable String status, @Nullable String reason,
			@Nullable String quality, @Nullable String category, String value) {
		return new TemplateUpdated(UUID.randomUUID(), Instant.now(), "org-1", "waba-1", "id-welcome", "welcome",
				"en_US", field, status, reason, quality, category, Json.mapper().readTree(value));
	}

}
