package com.waplatform.gateway.templates;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.DeclaredParameters;
import com.waplatform.common.template.RenderedTemplate;
import com.waplatform.common.template.TemplateSnapshot;
import org.jspecify.annotations.Nullable;

/** Responses of the templates API. */
final class TemplateViews {

	private static final Set<String> STATUSES_WITH_REASON = Set.of("PAUSED", "DISABLED", "REJECTED");

	private TemplateViews() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Summary(String name, String language, String wabaId, @Nullable String id, String status,
			@Nullable String category, @Nullable String qualityScore, String parameterFormat) {

		static Summary of(TemplateSnapshot snapshot) {
			MessageTemplate template = snapshot.template();
			return new Summary(template.name(), template.language(), snapshot.wabaId(), template.id(),
					template.status(), template.category(), TemplateViews.quality(template),
					DeclaredParameters.formatOf(template).name());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Page(List<Summary> templates, @Nullable String nextCursor) {
	}

	/** One name in every language (and account) it exists in. */
	record Detail(String name, List<Version> languages) {
	}

	/**
	 * @param statusReason why a PAUSED, DISABLED or REJECTED template has its status,
	 * when Meta said
	 * @param version template-service's content hash
	 * @param updatedAt when this version was published
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Version(String language, String wabaId, @Nullable String id, String status, @Nullable String statusReason,
			@Nullable String category, @Nullable String subCategory, @Nullable String qualityScore,
			String parameterFormat, List<MessageTemplate.Component> components, DeclaredParameters declaredParameters,
			String version, Instant updatedAt) {

		static Version of(TemplateSnapshot snapshot) {
			MessageTemplate template = snapshot.template();
			DeclaredParameters declared = DeclaredParameters.of(template);
			return new Version(template.language(), snapshot.wabaId(), template.id(), template.status(),
					TemplateViews.statusReason(snapshot), template.category(), template.subCategory(),
					TemplateViews.quality(template), declared.parameterFormat().name(), template.componentsOrEmpty(),
					declared, snapshot.version(), snapshot.occurredAt());
		}

	}

	/**
	 * A template as the customer will see it.
	 *
	 * @param language the language rendered
	 * @param languageFallback the organization's fallback used, e.g. {@code en→en_US}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Preview(String name, String language, @Nullable String languageFallback,
			RenderedTemplate.@Nullable Header header, String body, @Nullable String footer,
			List<RenderedTemplate.Button> buttons) {

		static Preview of(MessageTemplate template, @Nullable String languageFallback, RenderedTemplate rendered) {
			return new Preview(template.name(), template.language(), languageFallback, rendered.header(),
					rendered.body(), rendered.footer(), rendered.buttons());
		}

	}

	private static @Nullable String quality(MessageTemplate template) {
		return (template.qualityScore() != null) ? template.qualityScore().score() : null;
	}

	/**
	 * template-service's reason (status webhooks included), else Meta's listed rejection
	 * reason.
	 */
	private static @Nullable String statusReason(TemplateSnapshot snapshot) {
		MessageTemplate template = snapshot.template();
		String status = template.status().toUpperCase(Locale.ROOT);
		String reason = (snapshot.statusReason() != null) ? snapshot.statusReason() : template.rejectedReason();
		if (!STATUSES_WITH_REASON.contains(status) || reason == null || reason.isBlank() || "NONE".equals(reason)) {
			return null;
		}
		return reason;
	}

}
