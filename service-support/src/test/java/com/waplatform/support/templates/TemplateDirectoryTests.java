package com.waplatform.support.templates;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateResolution;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = TemplateDirectoryTests.App.class,
		properties = { "spring.application.name=support-template-tests", "platform.schema=supporttemplates" })
@DirtiesContext
class TemplateDirectoryTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Autowired
	TemplateDirectory directory;

	@Autowired
	EventPublisher publisher;

	@Test
	void keepsTheLatestSnapshotPerKeyFromTheTopicAndForgetsTombstonedKeys() {
		String wabaId = wabaId();
		assertThat(this.directory.loaded(wabaId)).isFalse();
		publish(TemplateSnapshot.of("org-1", wabaId, template("booking_confirmed", "en_US", "PENDING"), "v1"));
		publish(TemplateSnapshot.of("org-1", wabaId, template("booking_confirmed", "de", "APPROVED"), "v1"));
		publish(TemplateSnapshot.of("org-1", wabaId, template("booking_confirmed", "en_US", "APPROVED"), "v2"));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.directory.snapshot(wabaId, "booking_confirmed", "en_US"))
				.hasValueSatisfying((snapshot) -> assertThat(snapshot.version()).isEqualTo("v2")));
		assertThat(this.directory.loaded(wabaId)).isTrue();
		assertThat(this.directory.templates(wabaId)).extracting(MessageTemplate::language)
			.containsExactlyInAnyOrder("en_US", "de");
		assertThat(this.directory.catalog(wabaId).resolve("booking_confirmed", "en_US")).isInstanceOfSatisfying(
				TemplateResolution.Found.class, (found) -> assertThat(found.template().status()).isEqualTo("APPROVED"));

		this.publisher.delete(Topics.TEMPLATE_SYNC, TemplateSnapshot.keyOf(wabaId, "booking_confirmed", "de"))
			.block(WAIT);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.directory.snapshot(wabaId, "booking_confirmed", "de")).isEmpty());
		assertThat(this.directory.templates(wabaId)).extracting(MessageTemplate::language).containsExactly("en_US");
		assertThat(this.directory.catalog(wabaId).languages("booking_confirmed")).containsExactly("en_US");
		assertThat(this.directory.loaded(wabaId)).isTrue();
	}

	@Test
	void applyIsSeenAtOnceAndAccountsStayApart() {
		String wabaId = wabaId();
		String other = wabaId();
		this.directory.apply(TemplateSnapshot.of("org-1", wabaId, template("reminder", "en", "APPROVED"), "v1"));
		assertThat(this.directory.loaded(wabaId)).isTrue();
		assertThat(this.directory.loaded(other)).isFalse();
		assertThat(this.directory.templates(other)).isEmpty();
		assertThat(this.directory.snapshot(wabaId, "reminder", "en")).isPresent();
		this.directory.remove(TemplateSnapshot.keyOf(wabaId, "reminder", "en"));
		assertThat(this.directory.snapshots(wabaId)).isEmpty();
	}

	private void publish(TemplateSnapshot snapshot) {
		this.publisher.publish(Topics.TEMPLATE_SYNC, snapshot).block(WAIT);
	}

	private static MessageTemplate template(String name, String language, String status) {
		return new MessageTemplate("id-" + name + "-" + language, name, language, status, "UTILITY", "POSITIONAL", List
			.of(new MessageTemplate.Component("BODY", null, "Hi {{1}}, your booking is confirmed.", null, null)), null,
				null, null);
	}

	private static String wabaId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
	}

	@SpringBootApplication
	static class App {

	}

}
