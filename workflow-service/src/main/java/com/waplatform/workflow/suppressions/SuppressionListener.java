package com.waplatform.workflow.suppressions;

import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.common.event.Event;
import com.waplatform.support.kafka.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link SuppressionList} in step with {@code wa.suppressions} (the gateway
 * publishes it; compacted, keyed {@code {organizationId}:{customer}}). It reads in the
 * service's consumer group, so that the scheduler's catch-up gate also waits for the
 * opt-outs that arrived while the service was down. A tombstone (null value) removes the
 * key's customer; every write is idempotent, so redelivery and replay are harmless.
 */
@Component
class SuppressionListener {

	private static final Logger logger = LoggerFactory.getLogger(SuppressionListener.class);

	private final SuppressionList list;

	SuppressionListener(SuppressionList list) {
		this.list = list;
	}

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).SUPPRESSIONS.name()}")
	Mono<Void> onSuppression(ConsumerRecord<String, @Nullable Event> record) {
		Event value = record.value();
		Mono<Void> change;
		if (value == null) {
			String key = record.key();
			int colon = (key != null) ? key.lastIndexOf(':') : -1;
			if (colon <= 0 || colon == key.length() - 1) {
				throw new IllegalArgumentException(
						"A tombstone on wa.suppressions needs a key " + "{organizationId}:{customer}, got " + key);
			}
			// customers (E.164 numbers, business-scoped user ids) hold no colon
			change = this.list.remove(key.substring(0, colon), key.substring(colon + 1));
		}
		else if (value instanceof SuppressionChanged suppression) {
			change = this.list.apply(suppression);
			logger.debug("A customer of organization {} {} its suppression list ({})", suppression.organizationId(),
					suppression.suppressed() ? "joined" : "left", suppression.reason());
		}
		else {
			throw new IllegalArgumentException("Unexpected event on wa.suppressions: " + value.eventType());
		}
		return change.retryWhen(TransientFailures.retry());
	}

}
