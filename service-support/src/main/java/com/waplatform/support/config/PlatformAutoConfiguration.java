package com.waplatform.support.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.DeadLetterMetrics;
import com.waplatform.support.kafka.DeadLetterTopicReader;
import com.waplatform.support.kafka.DeadLetterObserver;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.kafka.EventSerializer;
import com.waplatform.support.kafka.RejectedEventException;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.support.outbox.OutboxDeadLetters;
import com.waplatform.support.outbox.OutboxRelay;
import com.waplatform.support.outbox.ProcessedEvents;
import com.waplatform.support.retention.PurgedTable;
import com.waplatform.support.retention.RetentionPurge;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.support.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every service gets: event publishing with CloudEvents headers, topic creation
 * (with retry and dead-letter topics), dead-lettering of unprocessable records with the
 * reason, the outbox and its relay, the idempotent-consumer log, the retention purge and
 * the credential cipher.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration" })
@ConditionalOnProperty(prefix = "platform", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlatformProperties.class)
@EnableScheduling
public class PlatformAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PlatformAutoConfiguration.class);

	@Bean
	JsonMapperBuilderCustomizer platformJson() {
		return Json::configure;
	}

	@Bean
	CredentialCipher credentialCipher(PlatformProperties properties) {
		return new CredentialCipher(properties.credentialKey());
	}

	/**
	 * The trace context of the work at hand, for the outbox, the publisher and the
	 * services that carry a message's trace across a queue of their own. Without
	 * Micrometer Tracing (a test context without it) nothing is traced.
	 */
	@Bean
	TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<ObservationRegistry> observations) {
		return new TraceContexts(tracer.getIfAvailable(() -> Tracer.NOOP),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	EventPublisher eventPublisher(KafkaTemplate<String, Event> kafkaTemplate, TraceContexts traces) {
		return new EventPublisher(kafkaTemplate, traces);
	}

	@Bean
	KafkaAdmin.NewTopics platformTopics(PlatformProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (Topic<?> topic : Topics.ALL) {
			int partitions = (properties.kafka().partitions() != null) ? properties.kafka().partitions()
					: topic.partitions();
			short replicas = properties.kafka().replicationFactor();
			topics.add(topic(topic.name(), partitions, replicas, topic));
			topics.add(topic(topic.retry(), partitions, replicas, topic));
			topics.add(topic(topic.dlt(), partitions, replicas, null));
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	private static NewTopic topic(String name, int partitions, short replicas, @Nullable Topic<?> settings) {
		TopicBuilder builder = TopicBuilder.name(name).partitions(partitions).replicas(replicas);
		if (settings == null) {
			// dead letters are kept long enough to be inspected and replayed
			return builder.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30L * 24 * 3600 * 1000)).build();
		}
		if (settings.compacted()) {
			return builder.compact().build();
		}
		return builder.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.retention().toMillis())).build();
	}

	/**
	 * Retries a failing record a few times, then publishes it to {@code <topic>-dlt} with
	 * the exception in the headers and a short reason code
	 * ({@value RejectedEventException#REASON_HEADER}); records that can never succeed
	 * (unreadable, invalid, rejected) go there at once. {@link DeadLetterObserver} beans
	 * are told of every dead letter.
	 */
	@Bean
	CommonErrorHandler platformErrorHandler(KafkaProperties kafkaProperties, PlatformProperties properties,
			ObjectProvider<DeadLetterObserver> observers) {
		Map<String, Object> config = kafkaProperties.buildProducerProperties();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		DelegatingByTypeSerializer values = new DelegatingByTypeSerializer(
				Map.of(byte[].class, new ByteArraySerializer(), Event.class, new EventSerializer()), true);
		KafkaTemplate<Object, Object> deadLetters = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, null, () -> castSerializer(values)));
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters);
		recoverer
			.setHeadersFunction((record, exception) -> new RecordHeaders().add(RejectedEventException.REASON_HEADER,
					RejectedEventException.reasonOf(exception).getBytes(StandardCharsets.UTF_8)));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxAttempts(properties.kafka().retryAttempts() - 1);
		DefaultErrorHandler handler = new DefaultErrorHandler(observed(recoverer, observers), backOff);
		handler.addNotRetryableExceptions(DeserializationException.class, IllegalArgumentException.class);
		// a rejection that can never succeed goes to the dead-letter topic at once
		handler.setBackOffFunction((record, exception) -> RejectedEventException.in(exception)
			.filter((rejected) -> !rejected.retryable())
			.map((rejected) -> (BackOff) new FixedBackOff(0, 0))
			.orElse(null));
		return handler;
	}

	/**
	 * Dead-letters a record, then tells the observers (only once it is on the dead-letter
	 * topic: a failed publication is retried, and must not be counted twice).
	 */
	private static ConsumerAwareRecordRecoverer observed(DeadLetterPublishingRecoverer recoverer,
			ObjectProvider<DeadLetterObserver> observers) {
		return (record, consumer, exception) -> {
			recoverer.accept(record, consumer, exception);
			String reason = RejectedEventException.reasonOf(exception);
			observers.orderedStream().forEach((observer) -> {
				try {
					observer.deadLettered(record, exception, reason);
				}
				catch (RuntimeException ex) {
					logger.warn("Dead-letter observer {} failed on a record of {}", observer, record.topic(), ex);
				}
			});
		};
	}

	@SuppressWarnings("unchecked")
	private static <T> org.apache.kafka.common.serialization.Serializer<T> castSerializer(
			DelegatingByTypeSerializer serializer) {
		return (org.apache.kafka.common.serialization.Serializer<T>) (Object) serializer;
	}

	@Bean
	DeadLetterMetrics deadLetterMetrics(MeterRegistry meters) {
		return new DeadLetterMetrics(meters);
	}

	@Bean
	@ConditionalOnBean(ConsumerFactory.class)
	DeadLetterTopicReader deadLetterTopicReader(ConsumerFactory<?, ?> consumers) {
		return new DeadLetterTopicReader(consumers);
	}

	@Bean
	AccountDirectory accountDirectory(CredentialCipher cipher, ObjectProvider<KafkaAdmin> kafkaAdmin) {
		KafkaAdmin admin = kafkaAdmin.getIfAvailable();
		return (admin != null) ? new AccountDirectory(cipher, endOffsets(admin)) : new AccountDirectory(cipher);
	}

	/**
	 * The end offsets (read-committed, as the services consume) of every partition of a
	 * topic, from a short-lived admin client.
	 */
	static AccountDirectory.EndOffsets endOffsets(KafkaAdmin kafkaAdmin) {
		return (topic) -> {
			Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties());
			return admin.describeTopics(List.of(topic))
				.allTopicNames()
				.toCompletionStage()
				.thenCompose((topics) -> admin
					.listOffsets(topics.get(topic)
						.partitions()
						.stream()
						.collect(Collectors.toMap((partition) -> new TopicPartition(topic, partition.partition()),
								(partition) -> OffsetSpec.latest())),
							new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
					.all()
					.toCompletionStage())
				.thenApply((offsets) -> offsets.entrySet()
					.stream()
					.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> entry.getValue().offset())))
				// not on the admin client's own thread, which its close waits for
				.whenCompleteAsync((offsets, failure) -> admin.close(Duration.ofSeconds(5)));
		};
	}

	@Bean
	TemplateDirectory templateDirectory() {
		return new TemplateDirectory();
	}

	@Bean
	@ConditionalOnBean(ReactiveTransactionManager.class)
	TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
		return TransactionalOperator.create(transactionManager);
	}

	@Bean
	@ConditionalOnBean(DatabaseClient.class)
	Outbox outbox(DatabaseClient db, TraceContexts traces) {
		return new Outbox(db, traces);
	}

	@Bean
	@ConditionalOnBean(DatabaseClient.class)
	ProcessedEvents processedEvents(DatabaseClient db) {
		return new ProcessedEvents(db);
	}

	/**
	 * Dead-letters outbox rows that cannot be read: their payload as it is, so a producer
	 * of its own with byte-array values (created when the first row needs it, closed with
	 * the context).
	 */
	@Bean
	@ConditionalOnBean(DatabaseClient.class)
	OutboxDeadLetters outboxDeadLetters(KafkaProperties kafkaProperties, DeadLetterMetrics metrics) {
		return new OutboxDeadLetters(new DefaultKafkaProducerFactory<>(kafkaProperties.buildProducerProperties(),
				new StringSerializer(), new ByteArraySerializer()), metrics);
	}

	@Bean
	@ConditionalOnBean(DatabaseClient.class)
	OutboxRelay outboxRelay(DatabaseClient db, EventPublisher publisher, OutboxDeadLetters deadLetters,
			PlatformProperties properties, MeterRegistry meters) {
		return new OutboxRelay(db, publisher, deadLetters, properties.outbox().batchSize(),
				properties.outbox().leaseTime(), meters);
	}

	/** The idempotent-consumer log, kept {@code platform.retention.processed-events}. */
	@Bean
	@ConditionalOnBean(DatabaseClient.class)
	PurgedTable processedEventsRetention(PlatformProperties properties) {
		return PurgedTable.olderThan("processed_events", "processed_at", properties.retention().processedEvents());
	}

	@Bean
	@ConditionalOnBean(DatabaseClient.class)
	RetentionPurge retentionPurge(DatabaseClient db, ObjectProvider<PurgedTable> tables, PlatformProperties properties,
			MeterRegistry meters) {
		return new RetentionPurge(db, tables.orderedStream().toList(), properties.retention().batchSize(), meters);
	}

}
