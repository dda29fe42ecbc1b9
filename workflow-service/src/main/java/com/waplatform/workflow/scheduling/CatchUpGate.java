package com.waplatform.workflow.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.waplatform.common.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Keeps the scheduler from releasing anything after a start until this service has read
 * the business events, inbound messages and suppressions that were waiting for it: a
 * payment that arrived while the service was down must cancel its reminder before the
 * reminder's catch-up publishes it, an opt-out must reach the suppression list before a
 * held promotion is released. The gate notes the end offsets of
 * {@code wa.business-events}, {@code wa.inbound-messages} and {@code wa.suppressions} on
 * its first check and opens once the service's consumer group has committed at least
 * those offsets on every partition, or after {@code workflow.scheduler.catch-up-timeout}
 * at the latest (logged), so a stuck consumer delays messages but never holds them
 * forever.
 */
@Component
class CatchUpGate implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(CatchUpGate.class);

	private static final List<String> TOPICS = List.of(Topics.BUSINESS_EVENTS.name(), Topics.INBOUND_MESSAGES.name(),
			Topics.SUPPRESSIONS.name());

	private final Admin admin;

	private final String group;

	private final Duration timeout;

	private final Clock clock;

	private final AtomicBoolean open = new AtomicBoolean();

	private final AtomicReference<Map<TopicPartition, Long>> targets = new AtomicReference<>();

	private final Instant started;

	CatchUpGate(KafkaAdmin kafkaAdmin, @Value("${spring.kafka.consumer.group-id}") String group,
			@Value("${workflow.scheduler.catch-up-timeout:2m}") Duration timeout, Clock clock) {
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
		this.group = group;
		this.timeout = timeout;
		this.clock = clock;
		this.started = clock.instant();
	}

	/** Whether the scheduler may release messages; once open, open for good. */
	Mono<Boolean> open() {
		if (this.open.get()) {
			return Mono.just(true);
		}
		if (Duration.between(this.started, this.clock.instant()).compareTo(this.timeout) > 0) {
			logger.warn("The consumer group {} has not caught up with {} within {}; releasing scheduled messages",
					this.group, TOPICS, this.timeout);
			this.open.set(true);
			return Mono.just(true);
		}
		return targets().flatMap((targets) -> committed().map((committed) -> caughtUp(targets, committed)))
			.doOnNext((caughtUp) -> {
				if (caughtUp && this.open.compareAndSet(false, true)) {
					logger.info("Consumer group {} has caught up with {}: the scheduler starts releasing", this.group,
							TOPICS);
				}
			})
			.onErrorResume(KafkaException.class, (ex) -> {
				logger.warn("Could not compare the offsets of {} yet: {}", TOPICS, ex.toString());
				return Mono.just(false);
			});
	}

	private Mono<Map<TopicPartition, Long>> targets() {
		Map<TopicPartition, Long> known = this.targets.get();
		if (known != null) {
			return Mono.just(known);
		}
		return mono(this.admin.describeTopics(TOPICS).allTopicNames())
			.map((topics) -> topics.values()
				.stream()
				.flatMap((topic) -> topic.partitions()
					.stream()
					.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest())))
			.flatMap((specs) -> mono(this.admin.listOffsets(specs).all()))
			.map((offsets) -> offsets.entrySet()
				.stream()
				.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> entry.getValue().offset())))
			.doOnNext(this.targets::set);
	}

	private Mono<Map<TopicPartition, Long>> committed() {
		return mono(this.admin.listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata())
			.map((offsets) -> offsets.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() != null)
				.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
						(entry) -> ((OffsetAndMetadata) entry.getValue()).offset())));
	}

	static boolean caughtUp(Map<TopicPartition, Long> targets, Map<TopicPartition, Long> committed) {
		Set<Map.Entry<TopicPartition, Long>> pending = targets.entrySet()
			.stream()
			.filter((target) -> target.getValue() > committed.getOrDefault(target.getKey(), 0L))
			.collect(Collectors.toSet());
		return pending.isEmpty();
	}

	private static <T> Mono<T> mono(KafkaFuture<T> future) {
		// the admin client's failures (timeouts, an unknown group) become
		// KafkaExceptions:
		// the gate stays closed and the next round asks again
		return Mono.fromCompletionStage(future.toCompletionStage())
			.onErrorMap((ex) -> !(ex instanceof KafkaException), KafkaException::new);
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
