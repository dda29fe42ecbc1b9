package com.waplatform.sender.send;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.SendRequestEvent;
import com.waplatform.sender.dispatch.SendEngine;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.tracing.TraceContexts;
import org.apache.kafka.common.TopicPartition;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code wa.send-requests}. A record is acknowledged as soon as its message is
 * durably recorded (the table is the sender's queue), not when it is sent: spring-kafka
 * pauses the consumer until every record of a poll is acknowledged, so waiting for the
 * sends (a recipient's pair limit, a retry) would stall every number of the partition. An
 * error (the database is down) hands the record to the platform's error handler (retried,
 * then dead-lettered to {@code wa.send-requests-dlt}). Partition assignments tell the
 * engine which numbers this instance owns.
 */
@Component
class SendRequestListener implements ConsumerSeekAware {

	private final Admissions admissions;

	private final SendEngine engine;

	private final TraceContexts traces;

	SendRequestListener(Admissions admissions, SendEngine engine, TraceContexts traces) {
		this.admissions = admissions;
		this.engine = engine;
		this.traces = traces;
	}

	@KafkaListener(id = "sender-send-requests",
			topics = "#{T(com.waplatform.common.kafka.Topics).SEND_REQUESTS.name()}",
			groupId = "${spring.application.name}")
	Mono<Void> onSendRequest(SendRequestEvent event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
			@Header(KafkaHeaders.OFFSET) long offset) {
		if (event instanceof SendRequest request) {
			// the record's span, opened by spring-kafka around this method: the message
			// keeps it through the table and its lane, and its call to Meta continues it
			String traceparent = this.traces.current();
			// admission is idempotent (the row's state decides), so it may run again
			return this.admissions.admit(request, partition, offset, traceparent).retryWhen(TransientFailures.retry());
		}
		return Mono.error(new IllegalArgumentException("Unsupported send request " + event.eventType()));
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		this.engine.assigned(partitions(assignments.keySet()));
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.engine.revoked(partitions(partitions));
	}

	private static List<Integer> partitions(Collection<TopicPartition> partitions) {
		return partitions.stream()
			.filter((partition) -> partition.topic().equals(Topics.SEND_REQUESTS.name()))
			.map(TopicPartition::partition)
			.toList();
	}

}
