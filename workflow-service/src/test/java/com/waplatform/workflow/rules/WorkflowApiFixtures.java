package com.waplatform.workflow.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.waplatform.common.event.Event;
import com.waplatform.common.json.Json;
import com.waplatform.workflow.rules.domain.DefaultRules;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MessageTemplate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * What {@link WorkflowApiTests} sends and compares with: the simulator's seeded templates
 * (read from its own file, as {@code DefaultRulesTests} does), rules and sample events,
 * and a listener that keeps every send request published.
 */
final class WorkflowApiFixtures {

	private static final Path SEEDED_TEMPLATES = Path
		.of("../meta-simulator/src/main/resources/meta-simulator/seed-templates.json");

	private WorkflowApiFixtures() {
	}

	static List<MessageTemplate> seeded() {
		try {
			return Json.mapper()
				.readValue(Files.readString(SEEDED_TEMPLATES), new TypeReference<List<MessageTemplate>>() {
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MessageTemplate seeded(String name) {
		return seeded().stream().filter((template) -> name.equals(template.name())).findFirst().orElseThrow();
	}

	/** One of the tour operator's default rules, as the JSON it is saved as. */
	static JsonNode tourOperator(String name) {
		return DefaultRules.tourOperatorJson()
			.stream()
			.filter((rule) -> name.equals(rule.path("name").asString()))
			.findFirst()
			.orElseThrow()
			.deepCopy();
	}

	/** A valid rule sending the seeded {@code welcome_message}. */
	static String welcome(String name) {
		return """
				{"name": "%s", "trigger": {"type": "customer.created"},
				 "recipient": {"phone": "/customerPhone"},
				 "template": {"name": "welcome_message", "language": "en"},
				 "parameters": [{"from": "/customerName"}], "urgent": false}""".formatted(name);
	}

	/** A sample CloudEvent in structured mode: a payment of 450 EUR due on a date. */
	static String paymentDue(String type, LocalDate dueDate) {
		return """
				{"specversion": "1.0", "id": "evt-%s", "source": "/payments", "type": "%s", "subject": "B-1042",
				 "time": "%s", "datacontenttype": "application/json",
				 "data": {"bookingId": "B-1042", "customerName": "Ana Souza", "customerPhone": "+34 600 123 456",
				          "amount": 450, "currency": "EUR", "reference": "LIS-77", "dueDate": "%s",
				          "timeZone": "Europe/Madrid"}}""".formatted(UUID.randomUUID(), type, Instant.now(), dueDate);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listeners {

		@Bean
		SendRequests sendRequests() {
			return new SendRequests();
		}

	}

	/** Every send request published while the tests run. */
	static class SendRequests {

		private final List<SendRequest> received = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).SEND_REQUESTS.name()}",
				groupId = "#{T(java.util.UUID).randomUUID().toString()}")
		void on(ConsumerRecord<String, Event> record) {
			if (record.value() instanceof SendRequest request) {
				this.received.add(request);
			}
		}

		List<SendRequest> of(String org) {
			return this.received.stream().filter((request) -> org.equals(request.organizationId())).toList();
		}

	}

}
