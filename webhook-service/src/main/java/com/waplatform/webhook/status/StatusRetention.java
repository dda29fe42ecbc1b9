package com.waplatform.webhook.status;

import com.waplatform.support.retention.PurgedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statuses and wamid mappings of messages, purged after
 * {@code webhook.retention.messages} by service-support's {@code RetentionPurge}
 * (batches, {@code platform.retention.purged{table}}): Meta's webhooks for a message come
 * within days, not months.
 */
@Configuration(proxyBeanMethods = false)
class StatusRetention {

	@Bean
	PurgedTable messageStatusRetention(StatusRetentionProperties properties) {
		return PurgedTable.olderThan("message_status", "updated_at", properties.messages());
	}

	@Bean
	PurgedTable messageRefsRetention(StatusRetentionProperties properties) {
		return PurgedTable.olderThan("message_refs", "created_at", properties.messages());
	}

}
