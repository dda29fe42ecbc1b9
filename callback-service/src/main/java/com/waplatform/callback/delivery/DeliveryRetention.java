package com.waplatform.callback.delivery;

import com.waplatform.support.retention.PurgedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery log keeps finished deliveries (delivered, given up, superseded) for
 * {@code callbacks.delivery.retention}; service-support's {@code RetentionPurge} deletes
 * older ones in batches ({@code platform.retention.purged{table="deliveries"}}). Pending
 * and failing deliveries are never purged.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetention {

	@Bean
	PurgedTable deliveriesRetention(DeliveryProperties properties) {
		return new PurgedTable("deliveries", properties.retention(), """
				delete from deliveries where id = any(array(
					select id from deliveries where state in ('delivered', 'gave_up', 'superseded')
					and created_at < :cutoff limit :batch for update skip locked))""");
	}

}
