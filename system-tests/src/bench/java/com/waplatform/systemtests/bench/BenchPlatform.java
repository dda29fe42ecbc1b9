package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.waplatform.common.kafka.Topic;
import com.waplatform.common.kafka.Topics;
import com.waplatform.devstack.LocalSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The platform for one scenario: a KRaft broker in this JVM, a real PostgreSQL server
 * (zonky's binaries, its own processes), and the simulator and the five services as child
 * JVMs on free ports. The sender can be started last, once a backlog is waiting. The
 * scheduler scenario starts the workflow service alone. The chaos harness gives it a
 * broker of its own process, kills and restarts applications, and starts a second sender.
 */
public final class BenchPlatform implements AutoCloseable {

	public static final String GATEWAY = "gateway";

	public static final String SIMULATOR = "meta-simulator";

	/**
	 * The simulator stands in for Meta, whose servers do not share our cores: it runs at
	 * a higher CPU priority so that its arrival stamps measure the sender's pacing rather
	 * than how long the scheduler kept the simulator off a core.
	 * {@code -Dbench.nice.<name>}.
	 */
	static final int SIMULATOR_NICENESS = -10;

	/** Statuses per simulator webhook POST, unless {@code -Dbench.statuses-per-post}. */
	static final int STATUSES_PER_POST = 100;

	public static final String SENDER = "sender";

	public static final String WORKFLOW = "workflow";

	public static final String WEBHOOK = "webhook";

	private static final String SENDER_MAIN = "com.waplatform.sender.SenderApplication";

	private static final String WORKFLOW_MAIN = "com.waplatform.workflow.WorkflowApplication";

	private static final String WORKFLOW_HEAP = "256m";

	/** How long an application may take to be ready ({@code -Dbench.start-timeout-s}). */
	private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("bench.start-timeout-s", 240));

	private final Broker kafka;

	private final EmbeddedPostgres postgres;

	private final Path logDirectory;

	private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

	/** How each application was launched, to restart it the same way. */
	private final Map<String, Launch> launches = new LinkedHashMap<>();

	private final MemorySampler memory = new MemorySampler();

	private final JsonHttp http = new JsonHttp();

	private final String adminToken = LocalSetup.token();

	private final Map<String, String> environment = new LinkedHashMap<>();

	private final int gatewayPort = LocalSetup.freePort();

	private final int simulatorPort = LocalSetup.freePort();

	private final AtomicBoolean closed = new AtomicBoolean();

	/** Ctrl-C or a kill of the harness must not leave the child JVMs running. */
	private final Thread shutdownHook = new Thread(this::close, "bench-shutdown");

	private BenchPlatform(Broker kafka, EmbeddedPostgres postgres, Path logDirectory) {
		this.kafka = kafka;
		this.postgres = postgres;
		this.logDirectory = logDirectory;
		this.environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		this.environment.put("DB_HOST", "localhost");
		this.environment.put("DB_PORT", Integer.toString(postgres.getPort()));
		this.environment.put("DB_NAME", "postgres");
		this.environment.put("DB_USER", "postgres");
		this.environment.put("DB_PASSWORD", "postgres");
		this.environment.put("PLATFORM_CREDENTIAL_KEY", LocalSetup.credentialKey());
		this.environment.put("GATEWAY_ADMIN_TOKEN", this.adminToken);
		this.environment.put("PLATFORM_INTERNAL_TOKEN", LocalSetup.token());
		// the benchmark measures the pipeline, not the gateway's abuse limits
		this.environment.put("GATEWAY_RATE_LIMITS_PER_API_KEY", "1000000");
		this.environment.put("GATEWAY_RATE_LIMITS_PER_CLIENT_ADDRESS", "1000000");
		this.environment.put("META_WEBHOOK_VERIFY_TOKEN", LocalSetup.token());
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/** Infrastructure, gateway, simulator, template, webhook and workflow services. */
	static BenchPlatform start(Path logDirectory) {
		return start(logDirectory, Broker.embedded());
	}

	/** The same with the given broker (closed with the platform). */
	public static BenchPlatform start(Path logDirectory, Broker broker) {
		BenchPlatform platform = infrastructure(logDirectory, broker);
		try {
			// the gateway first: it creates the topics before the others race to
			// free-form text to customers who never wrote (see serviceProperties)
			platform.launch(GATEWAY, "com.waplatform.gateway.GatewayApplication", platform.gatewayPort, "512m",
					Map.of("gateway.conversations.enforce-service-window", "false"));
			platform.processes.get(GATEWAY).awaitReady(platform.http, START_TIMEOUT);
			platform.launch(SIMULATOR, "com.waplatform.simulator.MetaSimulatorApplication", platform.simulatorPort,
					"1g", platform.simulatorProperties());
			platform.launch("template", "com.waplatform.template.TemplateApplication", LocalSetup.freePort(), "384m",
					platform.serviceProperties());
			platform.launch(WEBHOOK, "com.waplatform.webhook.WebhookApplication", LocalSetup.freePort(), "384m",
					platform.serviceProperties());
			platform.launch(WORKFLOW, WORKFLOW_MAIN, LocalSetup.freePort(), WORKFLOW_HEAP,
					platform.serviceProperties());
			platform.awaitReady();
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	/**
	 * Infrastructure and the workflow service alone: its scheduler needs nothing else
	 * (the send requests it publishes stay on Kafka), and the other applications would
	 * only take CPU from it. The harness creates the platform's topics first
	 * ({@link #createTopics}).
	 */
	static BenchPlatform startWorkflowOnly(Path logDirectory) {
		BenchPlatform platform = infrastructure(logDirectory, Broker.embedded());
		try {
			platform.createTopics();
			platform.launch(WORKFLOW, WORKFLOW_MAIN, LocalSetup.freePort(), WORKFLOW_HEAP, Map.of());
			platform.awaitReady();
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	/**
	 * The platform's topics as the services create them (partitions, retention or
	 * compaction), before the workflow service starts, as the gateway does in the full
	 * platform. The workflow service's catch-up gate looks the topics up once, when its
	 * scheduler is registered (a reactive {@code @Scheduled} method is called once, its
	 * publisher re-subscribed every round), which is before the service creates its
	 * topics: had they not existed then, the gate would never open.
	 */
	private void createTopics() {
		List<NewTopic> topics = new ArrayList<>();
		for (Topic<?> topic : Topics.ALL) {
			Map<String, String> config = topic.compacted()
					? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
					: Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
			topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(config));
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
			admin.createTopics(topics).all().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot create the platform's topics", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted creating the topics", ex);
		}
	}

	private static BenchPlatform infrastructure(Path logDirectory, Broker kafka) {
		EmbeddedPostgres postgres;
		try {
			postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
		}
		catch (IOException ex) {
			kafka.close();
			throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
		}
		return new BenchPlatform(kafka, postgres, logDirectory);
	}

	public void startSender() {
		startSender(SENDER);
	}

	/**
	 * A sender instance under its own name (a second one shares the first one's consumer
	 * groups and partitions; {@code bench.xmx.sender} and {@code bench.jvm.sender}
	 * apply).
	 */
	public void startSender(String name) {
		launch(name, SENDER_MAIN, LocalSetup.freePort(), "512m", serviceProperties());
		this.processes.get(name).awaitReady(this.http, START_TIMEOUT);
	}

	/** {@code kill -9} of a running application. */
	public void kill(String application) {
		process(application).kill();
	}

	/** Stops an application gracefully (SIGTERM, its shutdown hooks run). */
	public void stop(String application) {
		process(application).close();
	}

	/**
	 * Starts a killed or stopped application again, as it was launched (same port,
	 * properties and heap; its log is {@code <application>-<n>.log}), without waiting for
	 * it to be ready.
	 */
	public void restart(String application) {
		Launch launch = this.launches.get(application);
		if (launch == null) {
			throw new IllegalArgumentException(application + " was not started");
		}
		if (process(application).alive()) {
			throw new IllegalStateException(application + " is still running");
		}
		int generation = launch.generation() + 1;
		launchAs(application, application + "-" + generation, launch.mainClass(), launch.port(), launch.defaultHeap(),
				launch.properties(), generation);
	}

	/** Waits until the application answers {@code /readyz}. */
	public void awaitReady(String application) {
		process(application).awaitReady(this.http, START_TIMEOUT);
	}

	public boolean senderStarted() {
		return this.processes.containsKey(SENDER);
	}

	public String gatewayUrl() {
		return "http://localhost:" + this.gatewayPort;
	}

	public String simulatorUrl() {
		return "http://localhost:" + this.simulatorPort;
	}

	public String adminToken() {
		return this.adminToken;
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/** The PostgreSQL server, e.g. to stop and start it. */
	public EmbeddedPostgres postgres() {
		return this.postgres;
	}

	/** Where the applications log. */
	public Path logDirectory() {
		return this.logDirectory;
	}

	/** The platform's database (every service's schema), for set-up and read-out. */
	public DataSource database() {
		return this.postgres.getPostgresDatabase();
	}

	/** A running application, e.g. to measure it. */
	public ServiceProcess process(String application) {
		ServiceProcess process = this.processes.get(application);
		if (process == null) {
			throw new IllegalArgumentException(application + " was not started");
		}
		return process;
	}

	public Map<String, Object> memoryPeaks() {
		return this.memory.peaks();
	}

	/** Every application still running (one that exits during a run is a failure). */
	public List<String> exited() {
		return this.processes.values()
			.stream()
			.filter((process) -> !process.alive())
			.map(ServiceProcess::name)
			.toList();
	}

	/** An application's Prometheus lines of the named metrics (none if it is down). */
	public List<String> metrics(String application, String... names) {
		ServiceProcess process = this.processes.get(application);
		if (process == null || !process.alive()) {
			return List.of();
		}
		try {
			return this.http.text(process.managementUrl() + "/actuator/prometheus")
				.lines()
				.filter((line) -> !line.startsWith("#"))
				.filter((line) -> Arrays.stream(names).anyMatch(line::startsWith))
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of("unavailable: " + ex.getMessage());
		}
	}

	/**
	 * Records not yet consumed, summed over every consumer group and partition (the
	 * platform's services, the harness's status consumer): 0 once everything published
	 * has been processed.
	 */
	public long consumerLag() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
			long lag = 0;
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
					.all()
					.get();
				for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
					if (entry.getValue() != null) {
						lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
					}
				}
			}
			return lag;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot read the consumer groups' lag", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted reading the consumer groups' lag", ex);
		}
	}

	/** Messages the sender has admitted and not yet sent (its backlog). */
	long pendingInSender() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select count(*) from sender.messages where state = 'PENDING'");
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot count the sender's backlog", ex);
		}
	}

	/**
	 * What the services' tables hold about a message: the sender's row, the webhook
	 * service's status and wamid reference, the gateway's read model (for lost messages).
	 */
	public String describe(String messageId) {
		StringBuilder out = new StringBuilder();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
			describe(connection, out, "sender",
					"select state, attempts, error_code, error_title, error_details, attempt_started_at, updated_at "
							+ "from sender.messages where message_id = ?",
					messageId);
			describe(connection, out, "webhook",
					"select s.status, s.wamid, s.status_at, (select count(*) from webhook.message_refs r "
							+ "where r.message_id = s.message_id) as refs from webhook.message_status s where s.message_id = ?",
					messageId);
			describe(connection, out, "gateway", "select status, updated_at from gateway.messages where id = ?",
					messageId);
			describe(connection, out, "history",
					"select string_agg(status, ',' order by status_at) from gateway.message_history where message_id = ?",
					messageId);
		}
		catch (SQLException ex) {
			out.append(" (").append(ex.getMessage()).append(')');
		}
		return out.toString().trim();
	}

	private static void describe(Connection connection, StringBuilder out, String name, String query, String messageId)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, messageId);
			try (ResultSet rows = statement.executeQuery()) {
				out.append(' ').append(name).append('=');
				if (!rows.next()) {
					out.append("none");
					return;
				}
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
					values.add(rows.getMetaData().getColumnLabel(i) + ":" + rows.getString(i));
				}
				out.append(String.join(",", values));
			}
		}
	}

	private void launch(String name, String mainClass, int port, String defaultHeap, Map<String, Object> extra) {
		launchAs(name, name, mainClass, port, defaultHeap, extra, 1);
	}

	private void launchAs(String name, String logName, String mainClass, int port, String defaultHeap,
			Map<String, Object> extra, int generation) {
		this.launches.put(name, new Launch(mainClass, port, defaultHeap, extra, generation));
		// a second sender's heap and options are the sender's
		String kind = name.startsWith(SENDER) ? SENDER : name;
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		// dev-stack's logback.xml: warnings, and the platform's own INFO lines
		properties.put("logging.config", "classpath:logback.xml");
		properties.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
		properties.putAll(extra);
		String heap = System.getProperty("bench.xmx." + kind, defaultHeap);
		int niceness = Integer.getInteger("bench.nice." + kind, SIMULATOR.equals(kind) ? SIMULATOR_NICENESS : 0);
		String jvmOptions = System.getProperty("bench.jvm." + kind, "");
		ServiceProcess process = ServiceProcess.start(name, logName, mainClass, port, heap, niceness, jvmOptions,
				properties, this.environment, this.logDirectory);
		this.processes.put(name, process);
		this.memory.watch(process);
	}

	private void awaitReady() {
		this.processes.values().forEach((process) -> process.awaitReady(this.http, START_TIMEOUT));
	}

	private Map<String, Object> simulatorProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("platform.enabled", "false");
		properties.put("spring.autoconfigure.exclude", LocalSetup.SIMULATOR_EXCLUDES);
		properties.put("simulator.webhook-url", gatewayUrl() + "/webhooks/meta");
		properties.put("simulator.ledger.max-entries", 400_000);
		// Meta batches statuses under load; one POST per status would make the
		// simulator's webhooks, not the platform, the biggest user of the two cores
		properties.put("simulator.webhooks.max-statuses-per-post",
				Integer.getInteger("bench.statuses-per-post", STATUSES_PER_POST));
		properties.put("simulator.webhooks.batch-window", "50ms");
		return properties;
	}

	private Map<String, Object> serviceProperties() {
		// the bench sends free-form text to customers who never wrote, as fast as Meta
		// allows (the simulator's window rule is off for its accounts too): the window
		// checks stay off, the send path is what is measured
		return Map.of("sender.meta.base-url", simulatorUrl(), "template.meta.base-url", simulatorUrl(),
				"sender.window.enforce", "false", "gateway.conversations.enforce-service-window", "false");
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		if (Thread.currentThread() != this.shutdownHook) {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		this.memory.close();
		List<ServiceProcess> reversed = new ArrayList<>(this.processes.values());
		Collections.reverse(reversed);
		reversed.forEach(ServiceProcess::close);
		this.kafka.close();
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop embedded PostgreSQL", ex);
		}
	}

	/** An application's main class, port, default heap and properties. */
	private record Launch(String mainClass, int port, String defaultHeap, Map<String, Object> properties,
			int generation) {
	}

}
