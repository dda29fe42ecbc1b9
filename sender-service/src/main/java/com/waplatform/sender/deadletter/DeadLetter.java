package com.waplatform.sender.deadletter;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.MessageState;
import org.jspecify.annotations.Nullable;

/**
 * A record of {@code wa.send-requests-dlt}, as listed to operators.
 *
 * @param partition its partition in the dead-letter topic
 * @param offset its offset there
 * @param reason {@code kafka_dlt-exception-message}
 * @param exceptionClass {@code kafka_dlt-exception-fqcn}
 * @param originalTopic {@code kafka_dlt-original-topic}
 * @param state the message's state in the sender now (null if it was never recorded)
 */
record DeadLetter(int partition, long offset, Instant timestamp, String messageId, String organizationId,
		String phoneNumberId, String recipient, String priority, @Nullable String reason,
		@Nullable String exceptionClass, @Nullable String originalTopic, @Nullable Integer originalPartition,
		@Nullable Long originalOffset, @Nullable MessageState state, @JsonIgnore SendRequest request) {

	DeadLetter withState(@Nullable MessageState state) {
		return new DeadLetter(this.partition, this.offset, this.timestamp, this.messageId, this.organizationId,
				this.phoneNumberId, this.recipient, this.priority, this.reason, this.exceptionClass, this.originalTopic,
				this.originalPartition, this.originalOffset, state, this.request);
	}

}
