package com.waplatform.template;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.crypto.CredentialCipher;
import com.waplatform.common.event.Event;
import com.waplatform.common.event.EventHeaders;
import com.waplatform.common.json.Json;
import com.waplatform.common.kafka.Topics;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.kafka.EventPublisher;
import com.waplatform.support.security.PlatformSecurity;
import com.waplatform.template.domain.SyncFailure;
import com.waplatform.template.domain.SyncReport;
import com.waplatform.template.domain.SyncResult;
import com.waplatform.template.store.TemplateStore;
import com.waplatform.template.store.TemplateSummary;
import com.waplatform.template.sync.TemplateSync;
import com.waplatform.testsupport.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sync against a fake Meta (a real HTTP server) with real Kafka and PostgreSQL.
 * Rounds are started by the tests: the scheduled rounds only run once at start, when no
 * account is known yet. Each test owns its WhatsApp Business Account.
 */
@SpringBootTest(classes = TemplateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=template-service", "template.sync.page-size=3", "template.sync.interval=1h",
				"template.sync.new-account-poll=1h", "template.meta.throttle-cool-down=2s",
				"platform.internal-api.token=" + TemplateSyncTests.TOKEN })
@AutoConfigureWebTestClient
@Import(TemplateSyncTests.Snapshots.class)
@DirtiesContext
class TemplateSyncTests {

	static final String TOKEN = "test-internal-token";

	static final FakeMeta meta = FakeMeta.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
		registry.add("template.meta.base-url", meta::baseUrl);
	}

	/** The public port, without credentials. */
	@Autowired
	WebTestClient web;

	@LocalManagementPort
	int managementPort;

	/** The public port, with the service token (as the gateway calls it). */
	WebTestClient internal;

	/** The management port (actuator). */
	WebTestClient management;

	@Autowired
	EventPublisher publisher;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	AccountDirectory directory;

	@Autowired
	TemplateSync sync;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Snapshots snapshots;

	@Autowired
	TemplateStore store;

	@Autowired
	ScheduledTaskHolder scheduledTasks;

	@BeforeEach
	void clients() {
		this.internal = this.web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).build();
		this.management = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.managementPort).build();
	}

	@Test
	void firstSyncStoresEveryTemplateAndPublishesOneSnapshotEach() {
		register("waba-first", "token-first", "token-first");

		SyncReport report = syncRound("waba-first");

		assertThat(report).isEqualTo(new SyncReport("waba-first", 3, 7, 7, 0, 0, 0));
		assertThat(meta.requests("waba-first")).hasSize(3).allMatch((query) -> query.contains("limit=3"));
		assertThat(meta.requests("waba-first").get(0)).doesNotContain("after=");
		assertThat(meta.requests("waba-first").subList(1, 3)).allMatch((query) -> query.contains("after="));
		List<TemplateSummary> stored = stored("waba-first");
		assertThat(stored).extracting(TemplateSummary::name)
			.containsExactly("confirmacao_horario", "hello_world", "number_confirmation", "schedule_confirmation3",
					"schedule_confirmation5", "welcome_template2", "welcome_template3");
		assertThat(stored).allSatisfy((template) -> {
			assertThat(template.version()).matches("[0-9a-f]{64}");
			assertThat(template.organizationId()).isEqualTo("org-waba-first");
		});
		assertThat(stored).filteredOn((template) -> template.name().equals("welcome_template3"))
			.singleElement()
			.satisfies((template) -> {
				assertThat(template.status()).isEqualTo("REJECTED");
				assertThat(template.category()).isEqualTo("UTILITY");
				assertThat(template.templateId()).isEqualTo("1214624639427985");
			});

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.snapshots.of("waba-first")).hasSize(7));
		List<ConsumerRecord<String, Event>> records = this.snapshots.of("waba-first");
		assertThat(records).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder(stored.stream()
				.map((template) -> "waba-first:" + template.name() + ":" + template.language())
				.toArray(String[]::new));
		assertThat(records).allSatisfy((record) -> {
			TemplateSnapshot snapshot = (TemplateSnapshot) record.value();
			assertThat(snapshot.organizationId()).isEqualTo("org-waba-first");
			assertThat(snapshot.wabaId()).isEqualTo("waba-first");
			assertThat(new String(record.headers().lastHeader(EventHeaders.TYPE).value(), StandardCharsets.UTF_8))
				.isEqualTo("template.snapshot");
			TemplateSummary row = stored.stream()
				.filter((template) -> template.name().equals(snapshot.template().name()))
				.findFirst()
				.orElseThrow();
			assertThat(snapshot.version()).isEqualTo(row.version());
			assertThat(snapshot.template().componentsOrEmpty()).isNotEmpty();
		});
	}

	@Test
	void onlyChangedAndNewTemplatesAreWrittenAndPublished() {
		register("waba-change", "token-change", "token-change");
		syncRound("waba-change");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.snapshots.of("waba-change")).hasSize(7));
		String versionBefore = version("waba-change", "welcome_template2");

		assertThat(syncRound("waba-change")).isEqualTo(new SyncReport("waba-change", 3, 7, 0, 0, 0, 7));
		assertThat(version("waba-change", "welcome_template2")).isEqualTo(versionBefore);

		meta.setStatus("waba-change", "welcome_template2", "en_US", "PAUSED");
		assertThat(syncRound("waba-change")).isEqualTo(new SyncReport("waba-change", 3, 7, 0, 1, 0, 6));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.snapshots.of("waba-change")).hasSize(8));
		TemplateSnapshot paused = (TemplateSnapshot) this.snapshots.of("waba-change").get(7).value();
		assertThat(paused.key()).isEqualTo("waba-change:welcome_template2:en_US");
		assertThat(paused.template().status()).isEqualTo("PAUSED");
		assertThat(paused.version()).isNotEqualTo(versionBefore).isEqualTo(version("waba-change", "welcome_template2"));
		assertThat(stored("waba-change")).filteredOn((template) -> template.name().equals("welcome_template2"))
			.extracting(TemplateSummary::status)
			.containsExactly("PAUSED");

		meta.add("waba-change", FakeMeta.templatesOf("spec_resp_get_message_templates.json").get(1));
		assertThat(syncRound("waba-change")).isEqualTo(new SyncReport("waba-change", 3, 8, 1, 0, 0, 7));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.snapshots.of("waba-change")).hasSize(9)
				.last()
				.extracting(ConsumerRecord::key)
				.isEqualTo("waba-change:2023_april_promo:en_US"));
	}

	@Test
	void aTemplateGoneFromMetaIsMarkedDeletedOnce() {
		register("waba-remove", "token-remove", "token-remove");
		syncRound("waba-remove");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.snapshots.of("waba-remove")).hasSize(7));

		meta.remove("waba-remove", "hello_world", "en_US");
		assertThat(syncRound("waba-remove")).isEqualTo(new SyncReport("waba-remove", 2, 6, 0, 0, 1, 6));
		assertThat(syncRound("waba-remove")).isEqualTo(new SyncReport("waba-remove", 2, 6, 0, 0, 0, 6));

		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.snapshots.of("waba-remove")).hasSize(8));
		ConsumerRecord<String, Event> deletion = this.snapshots.of("waba-remove").get(7);
		assertThat(deletion.key()).isEqualTo("waba-remove:hello_world:en_US");
		assertThat(((TemplateSnapshot) deletion.value()).template().status()).isEqualTo("DELETED");
		assertThat(stored("waba-remove")).hasSize(7)
			.filteredOn((template) -> template.status().equals("DELETED"))
			.extracting(TemplateSummary::name)
			.containsExactly("hello_world");

		// then the tombstone, after the DELETED snapshot on the same partition, once
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.snapshots.tombstones("waba-remove")).hasSize(1));
		ConsumerRecord<String, Event> tombstone = this.snapshots.tombstones("waba-remove").get(0);
		assertThat(tombstone.key()).isEqualTo("waba-remove:hello_world:en_US");
		assertThat(tombstone.partition()).isEqualTo(deletion.partition());
		assertThat(tombstone.offset()).isGreaterThan(deletion.offset());
		syncRound("waba-remove");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.snapshots.tombstones("waba-remove")).hasSize(1));
	}

	@Test
	void everyVersionIsKeptAndTheDeclaredParametersAreStored() {
		register("waba-versions", "token-versions", "token-versions");
		syncRound("waba-versions");
		meta.setStatus("waba-versions", "welcome_template3", "en_US", "APPROVED");
		syncRound("waba-versions");
		meta.setStatus("waba-versions", "welcome_template3", "en_US", "PAUSED");
		syncRound("waba-versions");

		StepVerifier.create(this.store.countVersions("waba-versions", "welcome_template3", "en_US"))
			.expectNext(3L)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(this.store.countVersions("waba-versions", "hello_world", "en_US"))
			.expectNext(1L)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		TemplateSummary welcome = stored("waba-versions").stream()
			.filter((template) -> template.name().equals("welcome_template3"))
			.findFirst()
			.orElseThrow();
		// header "Wellcome title" without parameters, body "Hello {{1}}, welcome to our
		// {{2}} test."
		assertThat(welcome.parameterFormat()).isNull();
		assertThat(welcome.declaredParameters().path("parameterFormat").asString()).isEqualTo("POSITIONAL");
		// jsonb keeps no key order: compared as JSON trees
		assertThat(welcome.declaredParameters().path("components")).isEqualTo(Json.mapper()
			.readTree("[{\"component\":\"HEADER\",\"format\":\"TEXT\",\"parameters\":[]},"
					+ "{\"component\":\"BODY\",\"parameters\":[\"1\",\"2\"]}]"));
	}

	@Test
	void metaErrorsAreCountedAndChangeNothing() {
		register("waba-wrong-token", "token-meta-expects", "token-we-have");
		double before = metaErrors("190");
		SyncResult.Round round = round(null);
		assertThat(round.reports()).extracting(SyncReport::wabaId).doesNotContain("waba-wrong-token");
		assertThat(round.failures()).filteredOn((failure) -> failure.wabaId().equals("waba-wrong-token"))
			.singleElement()
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo("190");
				assertThat(failure.message()).isEqualTo("Invalid OAuth access token.");
			});
		assertThat(metaErrors("190")).isEqualTo(before + 1);
		assertThat(stored("waba-wrong-token")).isEmpty();

		register("waba-flaky", "token-flaky", "token-flaky");
		syncRound("waba-flaky");
		meta.remove("waba-flaky", "hello_world", "en_US");
		meta.failPage("waba-flaky", 2);
		double transientBefore = metaErrors("2");
		assertThat(reports()).extracting(SyncReport::wabaId).doesNotContain("waba-flaky");
		assertThat(metaErrors("2")).isEqualTo(transientBefore + 1);
		assertThat(stored("waba-flaky")).hasSize(7).noneMatch((template) -> template.status().equals("DELETED"));
	}

	@Test
	void syncAgeGrowsPerAccountUntilASyncSucceeds() {
		register("waba-age-ok", "token-age", "token-age");
		register("waba-age-failing", "token-age-meta-expects", "token-age-we-have");
		try {
			round("waba-age-failing");
			syncRound("waba-age-ok");

			await().atMost(Duration.ofSeconds(10)).until(() -> syncAge("waba-age-failing") > 1.2);
			syncRound("waba-age-ok");
			assertThat(syncAge("waba-age-ok")).isLessThan(1.0);
			round("waba-age-failing");
			assertThat(syncAge("waba-age-failing")).isGreaterThan(1.2);
		}
		finally {
			// Meta takes the token from now on: the other tests' rounds over every
			// account count no error of it
			meta.account("waba-age-failing", "token-age-we-have", FakeMeta.sampleTemplates());
		}
	}

	private double syncAge(String wabaId) {
		return this.meters.get("template.sync.age").tag("waba_id", wabaId).timeGauge().value(TimeUnit.SECONDS);
	}

	@Test
	void aSyncOfOneAccountOnDemandReportsOnlyThatAccount() {
		register("waba-demand", "token-demand", "token-demand");

		SyncResult.Round round = round("waba-demand");

		assertThat(round.reports()).containsExactly(new SyncReport("waba-demand", 3, 7, 7, 0, 0, 0));
		assertThat(round.failures()).isEmpty();
		this.internal.post()
			.uri("/internal/templates/sync?wabaId=waba-nobody-knows")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void highUsageStopsCallingTheAccountUntilTheCoolDownPassed() {
		register("waba-usage", "token-usage", "token-usage");
		meta.usage("waba-usage", 95, 0);
		double usageThrottles = throttles("usage");
		double backingOff = throttles("backing-off");

		// the first page reports 95 %: no further page is read, nothing is stored
		assertThat(round("waba-usage").failures()).singleElement()
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("THROTTLED"));
		assertThat(meta.requests("waba-usage")).hasSize(1);
		assertThat(stored("waba-usage")).isEmpty();
		// while backing off, Meta is not called at all
		assertThat(round("waba-usage").failures()).extracting(SyncFailure::code).containsExactly("THROTTLED");
		assertThat(meta.requests("waba-usage")).hasSize(1);
		this.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body)
				.contains("template_meta_usage_percent{application=\"template-service\",wabaId=\"waba-usage\"} 95.0")
				.contains("template_sync_throttled_total{application=\"template-service\",reason=\"usage\"}"));
		assertThat(throttles("usage")).isEqualTo(usageThrottles + 1);
		assertThat(throttles("backing-off")).isGreaterThan(backingOff);

		meta.usage("waba-usage", 20, 0);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !round("waba-usage").reports().isEmpty());
		assertThat(stored("waba-usage")).hasSize(7);
	}

	@Test
	void metasThrottlingErrorsStartTheSameBackOff() {
		register("waba-throttled", "token-throttled", "token-throttled");
		meta.failWith("waba-throttled", 80007);

		assertThat(round("waba-throttled").failures()).extracting(SyncFailure::code).containsExactly("80007");
		assertThat(round("waba-throttled").failures()).extracting(SyncFailure::code).containsExactly("THROTTLED");
		assertThat(meta.requests("waba-throttled")).hasSize(1);

		meta.failWith("waba-throttled", null);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !round("waba-throttled").reports().isEmpty());
		assertThat(stored("waba-throttled")).hasSize(7);
	}

	@Test
	void accountsNeverSyncedAreSyncedByTheNewAccountRound() {
		register("waba-new", "token-new", "token-new");

		StepVerifier.create(this.sync.syncPending().filter((report) -> report.wabaId().equals("waba-new")))
			.expectNext(new SyncReport("waba-new", 3, 7, 7, 0, 0, 0))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		StepVerifier.create(this.sync.syncPending().filter((report) -> report.wabaId().equals("waba-new")))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		assertThat(stored("waba-new")).hasSize(7);
	}

	@Test
	void exposesPrometheusMetricsOnTheManagementPortAndOnlyTheProbesOnThePublicPort() {
		register("waba-metrics", "token-metrics", "token-metrics");
		syncRound("waba-metrics");
		this.web.get().uri(PlatformSecurity.LIVENESS).exchange().expectStatus().isOk();
		this.web.get().uri(PlatformSecurity.READINESS).exchange().expectStatus().isOk();
		this.web.get().uri("/actuator/health").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.internal.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.internal.get()
			.uri("/internal/templates")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		this.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("template_sync_runs_total")
				.contains("template_sync_duration_seconds")
				.contains("template_sync_templates_total{application=\"template-service\",outcome=\"added\"}"));
	}

	@Test
	void aSyncWithoutTheServiceTokenIsRefusedAndRunsNothing() {
		register("waba-sync-no-token", "token-sync-no-token", "token-sync-no-token");
		double runs = syncRuns();

		for (WebTestClient caller : List.of(this.web,
				this.web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer not-the-token").build())) {
			caller.post()
				.uri("/internal/templates/sync?wabaId=waba-sync-no-token")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(401);
			caller.get()
				.uri("/internal/templates?wabaId=waba-sync-no-token")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}

		assertThat(meta.requests("waba-sync-no-token")).isEmpty();
		assertThat(syncRuns()).isEqualTo(runs);
		assertThat(stored("waba-sync-no-token")).isEmpty();

		assertThat(round("waba-sync-no-token").reports())
			.containsExactly(new SyncReport("waba-sync-no-token", 3, 7, 7, 0, 0, 0));
		assertThat(meta.requests("waba-sync-no-token")).hasSize(3);
		assertThat(syncRuns()).isEqualTo(runs + 1);
		assertThat(stored("waba-sync-no-token")).hasSize(7);
	}

	@Test
	void schedulesBothRoundsWithTheConfiguredDelays() {
		assertThat(this.scheduledTasks.getScheduledTasks()).extracting(ScheduledTask::getTask)
			.filteredOn((task) -> task.toString().contains("SyncScheduler"))
			.hasSize(2)
			.allSatisfy(
					(task) -> assertThat(((FixedDelayTask) task).getIntervalDuration()).isEqualTo(Duration.ofHours(1)));
	}

	/** Configures a number of the account the way the gateway does: on wa.accounts. */
	private void register(String wabaId, String tokenMetaExpects, String tokenWeHave) {
		meta.account(wabaId, tokenMetaExpects, FakeMeta.sampleTemplates());
		PhoneNumberConfigured number = PhoneNumberConfigured.of("org-" + wabaId, "pn-" + wabaId, wabaId, "+1 555 0100",
				this.cipher.seal(tokenWeHave), 80, true);
		StepVerifier.create(this.publisher.publish(Topics.ACCOUNTS, number))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.directory.phoneNumber("pn-" + wabaId).isPresent());
	}

	private List<SyncReport> reports() {
		return round(null).reports();
	}

	private SyncResult.Round round(@Nullable String wabaId) {
		return this.internal.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.post()
			.uri((wabaId != null) ? "/internal/templates/sync?wabaId=" + wabaId : "/internal/templates/sync")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(SyncResult.Round.class)
			.returnResult()
			.getResponseBody();
	}

	private SyncReport syncRound(String wabaId) {
		return reports().stream().filter((report) -> report.wabaId().equals(wabaId)).findFirst().orElseThrow();
	}

	private List<TemplateSummary> stored(String wabaId) {
		return this.internal.get()
			.uri("/internal/templates?wabaId={waba}&organizationId={org}", wabaId, "org-" + wabaId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(TemplateSummary.class)
			.returnResult()
			.getResponseBody();
	}

	private String version(String wabaId, String name) {
		return stored(wabaId).stream()
			.filter((template) -> template.name().equals(name))
			.findFirst()
			.orElseThrow()
			.version();
	}

	private double throttles(String reason) {
		Counter counter = this.meters.find("template.sync.throttled").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double syncRuns() {
		return this.meters.find("template.sync.runs").counters().stream().mapToDouble(Counter::count).sum();
	}

	private double metaErrors(String code) {
		Counter counter = this.meters.find("template.sync.meta.errors").tag("code", code).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** Everything published on wa.template-sync, in arrival order. */
	static class Snapshots {

		private final List<ConsumerRecord<String, Event>> records = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "wa.template-sync", groupId = "template-sync-tests")
		void on(ConsumerRecord<String, Event> record) {
			this.records.add(record);
		}

		/** The snapshots of the account (tombstones left out). */
		List<ConsumerRecord<String, Event>> of(String wabaId) {
			return this.records.stream()
				.filter((record) -> record.key().startsWith(wabaId + ":") && record.value() != null)
				.toList();
		}

		List<ConsumerRecord<String, Event>> tombstones(String wabaId) {
			return this.records.stream()
				.filter((record) -> record.key().startsWith(wabaId + ":") && record.value() == null)
				.toList();
		}

	}

}
