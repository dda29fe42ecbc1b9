package com.waplatform.webhook.templates;

import java.time.Instant;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.webhook.routing.ChangeHandler;
import com.waplatform.webhook.routing.RoutedChange;
import com.waplatform.webhook.templates.domain.TemplateUpdateMapping;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Forwards one template webhook field to the template service: the change becomes a
 * {@link TemplateUpdated} appended to the outbox on {@code wa.template-updates}, in the
 * transaction that records the webhook as processed. One instance per field
 * ({@link TemplateHandlers}).
 */
class TemplateChangeHandler implements ChangeHandler {

	private static final Logger logger = LoggerFactory.getLogger(TemplateChangeHandler.class);

	private final String field;

	private final Outbox outbox;

	private final MeterRegistry meters;

	TemplateChangeHandler(String field, Outbox outbox, MeterRegistry meters) {
		this.field = field;
		this.outbox = outbox;
		this.meters = meters;
	}

	@Override
	public String field() {
		return this.field;
	}

	@Override
	public Mono<Void> handle(RoutedChange change) {
		TemplateUpdated update = TemplateUpdateMapping.map(change.webhookEventId(), change.organizationId(),
				change.wabaId(), change.field(), change.change().value(), Instant.now());
		logger.info("Template {} ({}) of WABA {}: {} status={} reason={} quality={} category={}", update.name(),
				update.language(), update.wabaId(), update.field(), update.status(), update.reason(), update.quality(),
				update.category());
		this.meters.counter("webhook.template.updates", "field", this.field).increment();
		return this.outbox.append(Topics.TEMPLATE_UPDATES, update);
	}

}
