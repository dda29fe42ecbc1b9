package com.waplatform.template.updates;

import com.waplatform.common.template.TemplateUpdateEvent;
import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.support.kafka.TransientFailures;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code wa.template-updates} (group {@code template-service}). While the
 * database is unreachable (or gives up a transaction) an update waits and runs again
 * ({@link TransientFailures}); other failures are retried by the error handler, then
 * dead-lettered to {@code wa.template-updates-dlt}.
 */
@Component
class TemplateUpdatesListener {

	private final TemplateUpdater updater;

	TemplateUpdatesListener(TemplateUpdater updater) {
		this.updater = updater;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).TEMPLATE_UPDATES.name()}",
			groupId = "template-service")
	Mono<Void> onUpdate(TemplateUpdateEvent event) {
		if (event instanceof TemplateUpdated updated) {
			return this.updater.apply(updated).retryWhen(TransientFailures.retry());
		}
		throw new IllegalArgumentException("Unexpected event on wa.template-updates: " + event.eventType());
	}

}
