package com.waplatform.gateway.config;

import com.waplatform.support.retention.PurgedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's tables that only grow, purged by age by service-support's
 * {@code RetentionPurge} (batches, {@code platform.retention.purged{table}}): the message
 * read model with its history and the inbound messages
 * ({@code gateway.retention.read-models}), idempotency keys
 * ({@code gateway.messages.idempotency-retention}) and the events posted to
 * {@code POST /v1/events} ({@code gateway.events.dedup-retention}).
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

	/**
	 * A message with its status history; a message still held for its
	 * {@code scheduledFor} stays.
	 */
	@Bean
	PurgedTable messagesRetention(RetentionProperties properties) {
		return new PurgedTable("messages", properties.readModels(), """
				with old as (
					select id from messages m where created_at < :cutoff
					and not exists (select 1 from scheduled_messages s where s.message_id = m.id)
					order by created_at limit :batch for update skip locked
				), history as (
					delete from message_history where message_id in (select id from old)
				)
				delete from messages where id in (select id from old)""");
	}

	@Bean
	PurgedTable inboundMessagesRetention(RetentionProperties properties) {
		return PurgedTable.olderThan("inbound_messages", "received_at", properties.readModels());
	}

	@Bean
	PurgedTable idempotencyKeysRetention(MessageProperties properties) {
		return PurgedTable.olderThan("idempotency_keys", "created_at", properties.idempotencyRetention());
	}

	@Bean
	PurgedTable receivedEventsRetention(EventProperties properties) {
		return PurgedTable.olderThan("received_events", "received_at", properties.dedupRetention());
	}

}
