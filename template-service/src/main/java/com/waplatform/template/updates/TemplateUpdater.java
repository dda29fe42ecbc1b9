package com.waplatform.template.updates;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.common.webhook.WebhookReceived;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.template.domain.AppliedUpdate;
import com.waplatform.template.domain.VersionedTemplate;
import com.waplatform.template.store.Origin;
import com.waplatform.template.store.TemplateRow;
import com.waplatform.template.store.TemplateStore;
import com.waplatform.template.store.TemplateWriter;
import com.waplatform.template.sync.TemplateSync;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Applies one template webhook, once: in one transaction holding the account's lock, the
 * event is recorded as processed, the template gets its new status, quality or category
 * as a new version (row, version record, status reason) and its snapshot goes to the
 * outbox, so a PAUSED or DISABLED template is unsendable for every consumer of
 * {@code wa.template-sync} within seconds. A template not stored yet, and a components
 * update (which carries too little to apply), ask for a sync of the account instead.
 * Outcomes are counted in {@code template.updates{field,outcome}}.
 */
@Service
class TemplateUpdater {

	static final String CONSUMER = "template-service.updates";

	private static final Logger logger = LoggerFactory.getLogger(TemplateUpdater.class);

	private final TemplateStore store;

	private final TemplateWriter writer;

	private final ProcessedEvents processedEvents;

	private final TransactionalOperator tx;

	private final TemplateSync sync;

	private final MeterRegistry meters;

	TemplateUpdater(TemplateStore store, TemplateWriter writer, ProcessedEvents processedEvents,
			TransactionalOperator tx, TemplateSync sync, MeterRegistry meters) {
		this.store = store;
		this.writer = writer;
		this.processedEvents = processedEvents;
		this.tx = tx;
		this.sync = sync;
		this.meters = meters;
	}

	Mono<Void> apply(TemplateUpdated update) {
		Mono<Void> once = this.processedEvents.firstTime(CONSUMER, update.eventId())
			.flatMap((first) -> first ? applyFirst(update) : count(update, "duplicate"));
		return this.tx.transactional(once);
	}

	private Mono<Void> applyFirst(TemplateUpdated update) {
		if (AppliedUpdate.needsSync(update)) {
			this.sync.request(update.wabaId());
			return count(update, "sync-requested");
		}
		return this.store.lockAccount(update.wabaId())
			.then(this.store.find(update.wabaId(), update.name(), update.language(), update.templateId()))
			.flatMap((row) -> applyTo(row, update))
			.switchIfEmpty(Mono.defer(() -> {
				logger.info("Template {} ({}, id {}) of WABA {} not stored yet: syncing the account", update.name(),
						update.language(), update.templateId(), update.wabaId());
				this.sync.request(update.wabaId());
				return count(update, "unknown-template");
			}));
	}

	private Mono<Void> applyTo(TemplateRow row, TemplateUpdated update) {
		String owner = row.stored().organizationId();
		if (!owner.equals(update.organizationId())
				&& !WebhookReceived.UNKNOWN_ORGANIZATION.equals(update.organizationId())) {
			logger.warn("Template update {} for WABA {} names organization {}, but {} owns it: ignored",
					update.eventId(), update.wabaId(), update.organizationId(), owner);
			return count(update, "foreign-organization");
		}
		AppliedUpdate applied = AppliedUpdate.of(row.stored().template(), update).orElse(null);
		if (applied == null) {
			return count(update, "nothing-to-apply");
		}
		VersionedTemplate versioned = VersionedTemplate.of(applied.template());
		boolean newVersion = !versioned.version().equals(row.stored().version());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		if (!newVersion) {
			// same template; a status webhook may still bring a new reason
			return applied.statusUpdate()
					? this.store.save(owner, row.wabaId(), versioned, now, Origin.webhook(applied))
						.then(count(update, "unchanged"))
					: count(update, "unchanged");
		}
		logger.info("Template {} ({}) of WABA {}: {} → status {}, quality {}, category {}{}",
				versioned.template().name(), versioned.template().language(), row.wabaId(), update.field(),
				versioned.template().status(),
				(versioned.template().qualityScore() != null) ? versioned.template().qualityScore().score() : null,
				versioned.template().category(),
				(applied.statusReason() != null) ? " (" + applied.statusReason() + ")" : "");
		return this.writer.write(owner, row.wabaId(), versioned, now, Origin.webhook(applied))
			.then(count(update, "applied"));
	}

	private Mono<Void> count(TemplateUpdated update, String outcome) {
		return Mono.fromRunnable(
				() -> this.meters.counter("template.updates", "field", update.field(), "outcome", outcome).increment());
	}

}
