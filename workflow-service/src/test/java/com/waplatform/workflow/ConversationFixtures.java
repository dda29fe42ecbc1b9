package com.waplatform.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.templates.TemplateDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.test.StepVerifier;
import tools.jackson.core.type.TypeReference;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.awaitility.Awaitility.await;

/**
 * What the conversation tests share: an organization configured as the gateway would (its
 * number and settings on {@code wa.accounts}, its templates as template-service syncs
 * them, suppressions on {@code wa.suppressions}), and what the service published.
 */
public final class ConversationFixtures {

	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The MARKETING template the tests use (a copy of the simulator's welcome text). */
	public static final String MARKETING_TEMPLATE = "weekly_deals";

	private final EventPublisher publisher;

	private final AccountDirectory accounts;

	private final TemplateDirectory templates;

	private final DatabaseClient db;

	public ConversationFixtures(EventPublisher publisher, AccountDirectory accounts, TemplateDirectory templates,
			DatabaseClient db) {
		this.publisher = publisher;
		this.accounts = accounts;
		this.templates = templates;
		this.db = db;
	}

	/**
	 * The organization's default number, the simulator's seeded templates for its account
	 * plus {@link #MARKETING_TEMPLATE}, and its settings; waits until the directories
	 * know them.
	 */
	public void organization(String org, String phoneNumberId, OrganizationSettings settings) {
		publish(Topics.ACCOUNTS,
				PhoneNumberConfigured.of(org, phoneNumberId, "waba-" + org, "+15550100", "sealed-token", 80, true));
		publish(Topics.ACCOUNTS, settings);
		await().atMost(TIMEOUT)
			.until(() -> this.accounts.phoneNumber(phoneNumberId).isPresent()
					&& this.accounts.settings(org).eventId().equals(settings.eventId()));
		for (MessageTemplate template : seedTemplates()) {
			this.templates.apply(TemplateSnapshot.of(org, "waba-" + org, template, "v1"));
			if (template.name().equals("welcome_message")) {
				this.templates.apply(TemplateSnapshot.of(org, "waba-" + org,
						new MessageTemplate(null, MARKETING_TEMPLATE, template.language(), template.status(),
								"MARKETING", template.parameterFormat(), template.components(), null, null, null),
						"v1"));
			}
		}
	}

	public static OrganizationSettings settings(String org, boolean automation, ConversationSettings conversations) {
		return OrganizationSettings.of(org, automation, true, null, "Europe/Madrid", Map.of(), conversations);
	}

	/** Puts the customer on (or takes them off) the list, and waits until it shows. */
	public void suppress(String org, String customer, boolean suppressed) {
		publish(Topics.SUPPRESSIONS, SuppressionChanged.of(org, customer, suppressed, SuppressionChanged.KEYWORD,
				suppressed ? "STOP" : "START"));
		await().atMost(TIMEOUT).until(() -> suppressed(org, customer) == suppressed);
	}

	/** Removes the customer with a tombstone, and waits until it shows. */
	public void tombstone(String org, String customer) {
		StepVerifier.create(this.publisher.delete(Topics.SUPPRESSIONS, SuppressionChanged.keyOf(org, customer)))
			.expectComplete()
			.verify(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> !suppressed(org, customer));
	}

	public boolean suppressed(String org, String customer) {
		return Boolean.TRUE.equals(this.db
			.sql("select exists (select 1 from suppressions where organization_id = :org and customer = :customer) "
					+ "as suppressed")
			.bind("org", org)
			.bind("customer", customer)
			.map((row) -> row.get("suppressed", Boolean.class))
			.one()
			.block(TIMEOUT));
	}

	public <V extends Event> void publish(com.waplatform.common.kafka.Topic<V> topic, V event) {
		StepVerifier.create(this.publisher.publish(topic, event)).expectComplete().verify(TIMEOUT);
	}

	/** The simulator's seeded templates (its own file: a change there shows here). */
	static List<MessageTemplate> seedTemplates() {
		try {
			return Json.mapper()
				.readValue(
						Files.readString(
								Path.of("../meta-simulator/src/main/resources/meta-simulator/seed-templates.json")),
						new TypeReference<List<MessageTemplate>>() {
						});
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the service published: send requests and status events, by message id. */
	public static class Received {

		private final Map<String, Queue<SendRequest>> sent = new ConcurrentHashMap<>();

		private final Map<String, Queue<StatusEvent>> statuses = new ConcurrentHashMap<>();

		private final Queue<SendRequest> inOrder = new ConcurrentLinkedQueue<>();

		@KafkaListener(
				topics = { "#{T(com.waplatform.common.kafka.Topics).SEND_REQUESTS.name()}",
						"#{T(com.waplatform.common.kafka.Topics).STATUS_EVENTS.name()}" },
				groupId = "#{T(java.util.UUID).randomUUID().toString()}")
		void on(ConsumerRecord<String, Event> record) {
			if (record.value() instanceof StatusEvent status) {
				this.statuses.computeIfAbsent(status.messageId(), (id) -> new ConcurrentLinkedQueue<>()).add(status);
			}
			else if (record.value() instanceof SendRequest request) {
				this.sent.computeIfAbsent(request.messageId(), (id) -> new ConcurrentLinkedQueue<>()).add(request);
				this.inOrder.add(request);
			}
		}

		/**
		 * The send requests of the organization, in the order they arrived (one number's
		 * are on one partition, in the order they were published).
		 */
		public List<SendRequest> sentFor(String org) {
			return this.inOrder.stream().filter((request) -> org.equals(request.organizationId())).toList();
		}

		public List<SendRequest> sent(String messageId) {
			return List.copyOf(this.sent.getOrDefault(messageId, new ConcurrentLinkedQueue<>()));
		}

		public List<StatusEvent> statuses(String messageId) {
			return List.copyOf(this.statuses.getOrDefault(messageId, new ConcurrentLinkedQueue<>()));
		}

	}

}
