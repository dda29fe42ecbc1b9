package com.waplatform.gateway.conversations;

import com.waplatform.common.kafka.Topics;
import com.waplatform.support.kafka.DeadLetterObserver;
import com.waplatform.support.kafka.RejectedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every record of {@code wa.inbound-messages} the gateway dead-lettered (unreadable, or
 * for a business number its organization does not have): one WARN line and
 * {@code gateway.inbound.rejected{reason}}, counted once it is on the dead-letter topic.
 */
@Component
class RejectedInbound implements DeadLetterObserver {

	private static final Logger logger = LoggerFactory.getLogger(RejectedInbound.class);

	private final MeterRegistry meters;

	RejectedInbound(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void deadLettered(ConsumerRecord<?, ?> record, Exception exception, String reason) {
		if (!record.topic().equals(Topics.INBOUND_MESSAGES.name())) {
			return;
		}
		this.meters.counter("gateway.inbound.rejected", "reason", reason).increment();
		String detail = RejectedEventException.in(exception)
			.map(Throwable::getMessage)
			.orElseGet(() -> String.valueOf(exception.getMessage()));
		logger.warn("Inbound event rejected ({}): {}; dead-lettered to {} (partition {}, offset {})", reason, detail,
				Topics.INBOUND_MESSAGES.dlt(), record.partition(), record.offset());
	}

}
