package com.waplatform.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Told of every record the platform error handler dead-lettered, once it is on the
 * dead-letter topic (a service logs or counts what concerns it). A bean of this type is
 * picked up by the platform error handler.
 */
@FunctionalInterface
public interface DeadLetterObserver {

	/**
	 * @param reason the reason of {@link RejectedEventException#reasonOf}, also in the
	 * dead letter's {@value RejectedEventException#REASON_HEADER} header
	 */
	void deadLettered(ConsumerRecord<?, ?> record, Exception exception, String reason);

}
