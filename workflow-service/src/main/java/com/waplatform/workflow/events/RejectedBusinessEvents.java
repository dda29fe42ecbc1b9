package com.waplatform.workflow.events;

import com.waplatform.common.kafka.Topics;
import com.waplatform.support.kafka.DeadLetterObserver;
import com.waplatform.support.kafka.RejectedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every business event dead-lettered to {@code wa.business-events-dlt}, whatever refused
 * it (the deserializer: unknown content mode, missing or invalid attributes, no
 * organization, unreadable data; the listener: unknown organization, invalid data,
 * another organization's number): one WARN line and
 * {@code workflow.events.rejected{reason}}, counted once it is on the dead-letter topic.
 */
@Component
class RejectedBusinessEvents implements DeadLetterObserver {

	private static final Logger logger = LoggerFactory.getLogger(RejectedBusinessEvents.class);

	private final MeterRegistry meters;

	RejectedBusinessEvents(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void deadLettered(ConsumerRecord<?, ?> record, Exception exception, String reason) {
		if (!record.topic().equals(Topics.BUSINESS_EVENTS.name())) {
			return;
		}
		this.meters.counter("workflow.events.rejected", "reason", reason).increment();
		String detail = RejectedEventException.in(exception)
			.map(Throwable::getMessage)
			.orElseGet(() -> rootMessage(exception));
		logger.warn("Business event rejected ({}): {}; dead-lettered to {} (partition {}, offset {}, key {})", reason,
				detail, Topics.BUSINESS_EVENTS.dlt(), record.partition(), record.offset(), record.key());
	}

	private static String rootMessage(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
