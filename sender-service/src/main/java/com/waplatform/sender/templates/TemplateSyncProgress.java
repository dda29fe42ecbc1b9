package com.waplatform.sender.templates;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.common.kafka.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's {@code TemplateDirectory} has read {@code wa.template-sync} to
 * its end once since the start. Until then its view is partial: a WABA counts as loaded
 * after its first snapshot, while its other templates (on other partitions, or newer
 * versions further on) may still be unread, and a check on that view would refuse
 * messages Meta accepts.
 * <p>
 * The directory's consumer says how far it is: its {@code records-lag} metric per
 * partition (Kafka's own consumer metric, the distance from its position to the end; 0
 * when every record was handed to the directory). Caught up means every assigned
 * partition at lag 0 at two checks in a row at least {@link #INTERVAL_NANOS} apart, so
 * the last batch handed out has been applied. Then it latches: after the start the
 * directory follows the topic within milliseconds. Checked lazily, at most every 100 ms,
 * from the threads that ask; reading the latch is a volatile read.
 */
@Component
public class TemplateSyncProgress {

	static final long INTERVAL_NANOS = 100_000_000L;

	private static final Logger log = LoggerFactory.getLogger(TemplateSyncProgress.class);

	private static final String TOPIC = Topics.TEMPLATE_SYNC.name();

	private final KafkaListenerEndpointRegistry listeners;

	private final AtomicLong nextCheck = new AtomicLong(System.nanoTime());

	private volatile boolean caughtUp;

	private volatile boolean atEndOnce;

	TemplateSyncProgress(KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
		this.listeners = listeners;
		Gauge.builder("sender.template.directory.ready", this, (progress) -> progress.caughtUp() ? 1 : 0)
			.description("1 once the template directory has read wa.template-sync to its end since the start")
			.register(meters);
	}

	/** Whether the directory's view of the templates is complete. */
	public boolean caughtUp() {
		if (this.caughtUp) {
			return true;
		}
		long now = System.nanoTime();
		long next = this.nextCheck.get();
		if (now - next < 0 || !this.nextCheck.compareAndSet(next, now + INTERVAL_NANOS)) {
			return false;
		}
		boolean atEnd = atEnd();
		if (atEnd && this.atEndOnce) {
			this.caughtUp = true;
			log.info("The template directory has read {} to its end: template sends are re-checked from now on", TOPIC);
		}
		this.atEndOnce = atEnd;
		return this.caughtUp;
	}

	private boolean atEnd() {
		MessageListenerContainer container = directoryContainer();
		if (container == null || !container.isRunning()) {
			return false;
		}
		Collection<TopicPartition> assigned = container.getAssignedPartitions();
		if (assigned == null || assigned.isEmpty()) {
			return false;
		}
		Set<Integer> atEnd = partitionsAtEnd(container.metrics());
		return assigned.stream().allMatch((partition) -> atEnd.contains(partition.partition()));
	}

	private @Nullable MessageListenerContainer directoryContainer() {
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			String[] topics = container.getContainerProperties().getTopics();
			if (topics != null && Arrays.asList(topics).contains(TOPIC)) {
				return container;
			}
		}
		return null;
	}

	static Set<Integer> partitionsAtEnd(Map<String, Map<MetricName, ? extends Metric>> byClient) {
		return partitionsAtEnd(byClient, TOPIC);
	}

	/**
	 * The partitions of the topic whose {@code records-lag} is 0 (Kafka writes the topic
	 * tag with '_' for '.').
	 */
	public static Set<Integer> partitionsAtEnd(Map<String, Map<MetricName, ? extends Metric>> byClient,
			String topicName) {
		Set<Integer> atEnd = new HashSet<>();
		for (Map<MetricName, ? extends Metric> metrics : byClient.values()) {
			metrics.forEach((name, metric) -> {
				String topic = name.tags().get("topic");
				String partition = name.tags().get("partition");
				if ("records-lag".equals(name.name()) && partition != null
						&& (topicName.equals(topic) || topicName.replace('.', '_').equals(topic))
						&& metric.metricValue() instanceof Number lag && lag.doubleValue() <= 0) {
					atEnd.add(Integer.parseInt(partition));
				}
			});
		}
		return atEnd;
	}

}
