package com.waplatform.sender.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read back of {@code wa.status-events} reads only the partitions of the message ids
 * it looks for: they must be the ones Kafka's producers put them on.
 */
class StatusHistoryTests {

	@Test
	void readsThePartitionKafkasDefaultPartitionerPutsTheMessageIdOn() {
		for (int partitions : new int[] { 1, 3, 12, 50 }) {
			for (int i = 0; i < 1000; i++) {
				String id = UUID.randomUUID().toString();
				assertThat(StatusHistory.partitionOf(id, partitions))
					.isEqualTo(BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), partitions));
			}
		}
	}

}
