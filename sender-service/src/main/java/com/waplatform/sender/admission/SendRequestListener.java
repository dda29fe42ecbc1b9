package com.waplatform.sender.admission;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.SendRequestEvent;
import com.waplatform.sender.dispatch.SendEngine;
import com.waplatform.sender.store.Messages;
import com.waplatform.support.kafka.DeadLetterRecord;
import com.waplatform.support.kafka.TransientFailures;
import com.waplatform.support.tracing.TraceContexts;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
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
 * <p>
 * A request replayed from {@code wa.send-requests-dlt} by the gateway's dead-letter admin
 * API carries the {@value DeadLetterRecord#REPLAYED_FROM_HEADER} header: its message,
 * dead-lettered here, is made sendable again (DEAD_LETTERED → PENDING, failed attempts
 * back to 0) before the admission, which would otherwise skip it as settled. A message
 * that became final meanwhile stays final, so a replay never sends twice; the gateway
 * replays each dead letter once.
 */
@Component
class SendRequestListener implements ConsumerSeekAware {

	private final Admissions admissions;

	private final SendEngine engine;

	private final TraceContexts traces;

	private final Messages messages;

	SendRequestListener(Admissions admissions, SendEngine engine, TraceContexts traces, Messages messages) {
		this.admissions = admissions;
		this.engine = engine;
		this.traces = traces;
		this.messages = messages;
	}

	@KafkaListener(id = "sender-send-requests",
			topics = "#{T(com.waplatform.common.kafka.Topics).SEND_REQUESTS.name()}",
			groupId = "${spring.application.name}")
	Mono<Void> onSendRequest(SendRequestEvent event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
			@Header(KafkaHeaders.OFFSET) long offset,
			@Header(name = DeadLetterRecord.REPLAYED_FROM_HEADER, required = false) byte @Nullable [] replayedFrom) {
		if (event instanceof SendRequest request) {
			// the record's span, opened by spring-kafka around this method: the message
			// keeps it through the table and its lane, and its call to Meta continues it
			String traceparent = this.traces.current();
			// admission is idempotent (the row's state decides), so it may run again
			Mono<Void> admission = this.admissions.admit(request, partition, offset, traceparent);
			if (replayedFrom != null) {
				admission = this.messages.resetForReplay(request.organizationId(), request.messageId()).then(admission);
			}
			return admission.retryWhen(TransientFailures.retry());
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
