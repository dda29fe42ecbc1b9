package com.waplatform.gateway.stats;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.waplatform.common.event.Event;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.support.kafka.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Records the send requests the sender dead-lettered (on {@code wa.send-requests-dlt}):
 * the sender publishes no status for them (a replay may still send them), so without this
 * the queue view would count them as pending forever. One row per message, the latest
 * dead-lettering, written with an upsert: a message replayed and dead-lettered again is
 * the same row, and a redelivered record changes nothing.
 * <p>
 * The listener is registered here rather than with {@code @KafkaListener}: the topic is
 * {@code Topics.SEND_REQUESTS.dlt()}, and the annotation rule of the platform
 * ({@code ArchitectureRules.listenersNameTopicsThroughTopics}) admits only
 * {@code Topics.X.name()}. It runs in the gateway's group like the read model's, with the
 * platform's container factory (retries, error handler, async acknowledgement of the
 * returned {@code Mono}).
 */
@Component
class SendDeadLetters implements KafkaListenerConfigurer {

	static final String LISTENER_ID = "gateway-send-dead-letters";

	private static final int MAX_REASON_LENGTH = 1000;

	private final DatabaseClient db;

	private final BeanFactory beans;

	SendDeadLetters(DatabaseClient db, BeanFactory beans) {
		this.db = db;
		this.beans = beans;
	}

	@Override
	public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
		Method method = ReflectionUtils.findMethod(SendDeadLetters.class, "onDeadLetter", ConsumerRecord.class);
		DefaultMessageHandlerMethodFactory handlers = new DefaultMessageHandlerMethodFactory();
		handlers.setBeanFactory(this.beans);
		handlers.afterPropertiesSet();
		MethodKafkaListenerEndpoint<String, Event> endpoint = new MethodKafkaListenerEndpoint<>();
		endpoint.setId(LISTENER_ID);
		endpoint.setTopics(Topics.SEND_REQUESTS.dlt());
		endpoint.setBean(this);
		endpoint.setMethod(method);
		endpoint.setMessageHandlerMethodFactory(handlers);
		registrar.registerEndpoint(endpoint);
	}

	/**
	 * Upserts the dead letter of a send request; anything else on the topic is skipped.
	 */
	public Mono<Void> onDeadLetter(ConsumerRecord<String, Event> record) {
		if (!(record.value() instanceof SendRequest request)) {
			return Mono.empty();
		}
		String reason = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		Instant at = Instant.ofEpochMilli(record.timestamp());
		DatabaseClient.GenericExecuteSpec upsert = this.db.sql("""
				insert into send_dead_letters (message_id, organization_id, phone_number_id, reason, dead_lettered_at)
				values (:id, :org, :number, :reason, :at)
				on conflict (message_id) do update set reason = excluded.reason,
					dead_lettered_at = greatest(send_dead_letters.dead_lettered_at, excluded.dead_lettered_at)
				where send_dead_letters.organization_id = excluded.organization_id""")
			.bind("id", request.messageId())
			.bind("org", request.organizationId())
			.bind("number", request.phoneNumberId())
			.bind("at", at);
		upsert = (reason != null) ? upsert.bind("reason", reason) : upsert.bindNull("reason", String.class);
		return upsert.then().retryWhen(TransientFailures.retry());
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null) {
			return null;
		}
		String value = new String(header.value(), StandardCharsets.UTF_8);
		return (value.length() > MAX_REASON_LENGTH) ? value.substring(0, MAX_REASON_LENGTH) : value;
	}

}
