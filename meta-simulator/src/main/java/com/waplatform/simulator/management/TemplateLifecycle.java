package com.waplatform.simulator.management;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.graph.GraphErrors;
import com.waplatform.simulator.graph.GraphException;
import com.waplatform.simulator.templates.TemplateStore;
import com.waplatform.simulator.webhooks.TemplateWebhooks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Template changes that Meta announces by webhook: creation (PENDING, APPROVED after
 * {@code simulator.templates.approval-delay}), status changes and quality changes.
 */
@Component
class TemplateLifecycle {

	private final TemplateStore templates;

	private final TemplateWebhooks webhooks;

	private final Duration approvalDelay;

	TemplateLifecycle(TemplateStore templates, TemplateWebhooks webhooks, SimulatorProperties properties) {
		this.templates = templates;
		this.webhooks = webhooks;
		this.approvalDelay = properties.templates().approvalDelay();
	}

	/**
	 * Stores a new PENDING template and schedules its approval.
	 * @throws GraphException 100 when the name and language exist
	 */
	MessageTemplate create(String wabaId, MessageTemplate template) {
		MessageTemplate created = this.templates.create(wabaId, template)
			.orElseThrow(() -> GraphErrors.graph(400, 100, "(#100) Invalid parameter: content in this language ("
					+ template.language() + ") already exists for template " + template.name()));
		if (!this.approvalDelay.isZero() && !this.approvalDelay.isNegative()) {
			this.webhooks.later(this.approvalDelay, () -> approveIfPending(wabaId, created));
		}
		return created;
	}

	private void approveIfPending(String wabaId, MessageTemplate created) {
		Optional<MessageTemplate> current = this.templates.find(wabaId, created.name(), created.language());
		if (current.isPresent() && created.id() != null && created.id().equals(current.get().id())
				&& "PENDING".equals(current.get().status())) {
			changeStatus(wabaId, created.name(), created.language(), "APPROVED", "NONE");
		}
	}

	/** Deletes the template's languages (or the one with {@code id}). */
	List<MessageTemplate> delete(String wabaId, String name, @Nullable String id) {
		return this.templates.delete(wabaId, name, id);
	}

	/** Changes the status and posts {@code message_template_status_update}. */
	Optional<MessageTemplate> changeStatus(String wabaId, String name, String language, String status, String reason) {
		Optional<MessageTemplate> changed = this.templates.changeStatus(wabaId, name, language, status);
		changed.ifPresent((template) -> this.webhooks.statusUpdate(wabaId, template, status, reason));
		return changed;
	}

	/** Changes the quality score and posts {@code message_template_quality_update}. */
	Optional<MessageTemplate> changeQuality(String wabaId, String name, String language, String score) {
		Optional<TemplateStore.QualityChange> change = this.templates.changeQuality(wabaId, name, language, score,
				Instant.now().getEpochSecond());
		change.ifPresent(
				(changed) -> this.webhooks.qualityUpdate(wabaId, changed.after(), changed.previousScore(), score));
		return change.map(TemplateStore.QualityChange::after);
	}

}
