package com.waplatform.sender.templates;

import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateSyncProgressTests {

	@Test
	void partitionsOfTheTemplateTopicAtLagZeroAreAtTheEnd() {
		Map<MetricName, Metric> metrics = Map.ofEntries(lag("wa_template-sync", 0, 0.0),
				lag("wa_template-sync", 1, 3.0), lag("wa_template-sync", 2, 0.0), lag("wa.template-sync", 3, 0.0),
				lag("wa_send-requests", 4, 0.0),
				Map.entry(new MetricName("records-lag-max", "consumer-fetch-manager-metrics", "",
						Map.of("topic", "wa_template-sync", "partition", "5")), value(0.0)));

		assertThat(TemplateSyncProgress.partitionsAtEnd(Map.of("consumer-1", metrics))).containsExactlyInAnyOrder(0, 2,
				3);
	}

	private static Map.Entry<MetricName, Metric> lag(String topic, int partition, double lag) {
		return Map.entry(
				new MetricName("records-lag", "consumer-fetch-manager-metrics", "",
						Map.of("client-id", "consumer-1", "topic", topic, "partition", Integer.toString(partition))),
				value(lag));
	}

	private static Metric value(double value) {
		return new Metric() {

			@Override
			public MetricName metricName() {
				throw new UnsupportedOperationException();
			}

			@Override
			public Object metricValue() {
				return value;
			}

		};
	}

}
