package com.waplatform.devstack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waplatform.callback.CallbackApplication;
import com.waplatform.gateway.GatewayApplication;
import com.waplatform.sender.SenderApplication;
import com.waplatform.simulator.MetaSimulatorApplication;
import com.waplatform.template.TemplateApplication;
import com.waplatform.webhook.WebhookApplication;
import com.waplatform.workflow.WorkflowApplication;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in one JVM: embedded Kafka and PostgreSQL, the Meta simulator and
 * the six services, each in its own Spring context (own port, own schema, own consumer
 * groups), plus a seeded demo organization. Used by {@link DevStackApplication} and by
 * the system tests.
 */
public final class LocalPlatform implements AutoCloseable {

	/** A platform service's actuator listens this far above its public port. */
	static final int MANAGEMENT_OFFSET = 1000;

	/**
	 * Auto-configurations the simulator must not pick up from the services' shared
	 * classpath.
	 */

	private final LocalInfrastructure infrastructure;

	private final Map<Service, ConfigurableApplicationContext> contexts;

	private final DemoAccount demo;

	private final String adminToken;

	private @Nullable LocalPrometheus prometheus;

	private LocalPlatform(LocalInfrastructure infrastructure, Map<Service, ConfigurableApplicationContext> contexts,
			DemoAccount demo, String adminToken) {
		this.infrastructure = infrastructure;
		this.contexts = contexts;
		this.demo = demo;
		this.adminToken = adminToken;
	}

	public static LocalPlatform start(PlatformOptions options) {
		LocalInfrastructure infrastructure = LocalInfrastructure.start(options.kafkaPort(), options.postgresPort());
		Map<Service, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
		try {
			Map<String, Object> common = new HashMap<>(options.overrides());
			common.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
			common.put("DB_HOST", "localhost");
			common.put("DB_PORT", infrastructure.postgresPort());
			common.put("DB_NAME", "postgres");
			common.put("DB_USER", "postgres");
			common.put("DB_PASSWORD", "postgres");
			common.put("platform.credential-key", LocalSetup.credentialKey());
			// the service token of every /internal/** endpoint (the gateway proxies
			// template
			// sync and creation with it)
			common.put("platform.internal-api.token", LocalSetup.token());
			String adminToken = (options.adminToken() != null && !options.adminToken().isBlank()) ? options.adminToken()
					: LocalSetup.token();
			DemoAccount demo = DemoAccount.defaults(options.apiKey());
			// ports are fixed up front: the gateway, the simulator and template-service
			// call each other
			Map<Service, Integer> ports = new EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				ports.put(service, (options.port(service) > 0) ? options.port(service)
						: LocalSetup.freePortWithNeighbour(MANAGEMENT_OFFSET));
			}
			String gatewayUrl = "http://localhost:" + ports.get(Service.GATEWAY);
			String simulatorUrl = "http://localhost:" + ports.get(Service.SIMULATOR);

			Map<String, Object> gateway = new HashMap<>(common);
			gateway.put("gateway.admin-token", adminToken);
			gateway.put("gateway.webhook.verify-token", demo.verifyToken());
			gateway.put("gateway.template-service-url", "http://localhost:" + ports.get(Service.TEMPLATE));
			// GET /v1/events/{id} asks workflow-service what an event triggered
			gateway.put("gateway.workflow-service-url", "http://localhost:" + ports.get(Service.WORKFLOW));
			// /v1/callbacks/** is proxied to callback-service
			gateway.put("gateway.callback-service-url", "http://localhost:" + ports.get(Service.CALLBACK));
			// media (GET /v1/media/{id}, POST /v1/media) go to Meta's Graph API: the
			// simulator
			gateway.put("gateway.meta.base-url", simulatorUrl);
			contexts.put(Service.GATEWAY, run(GatewayApplication.builder(), ports.get(Service.GATEWAY), gateway));

			Map<String, Object> simulator = new HashMap<>(options.overrides());
			simulator.put("platform.enabled", "false");
			simulator.put("spring.autoconfigure.exclude", LocalSetup.SIMULATOR_EXCLUDES);
			simulator.put("simulator.webhook-url", gatewayUrl + "/webhooks/meta");
			simulator.put("simulator.accounts[0].waba-id", demo.wabaId());
			simulator.put("simulator.accounts[0].phone-number-id", demo.phoneNumberId());
			simulator.put("simulator.accounts[0].display-phone-number", demo.displayPhoneNumber());
			simulator.put("simulator.accounts[0].access-token", demo.accessToken());
			simulator.put("simulator.accounts[0].app-secret", demo.appSecret());
			// Meta's 24-hour window rule: a free-form message needs the customer to have
			// written in the last 24 hours (open one with POST /admin/inbound, see
			// docs/dev-stack.md); an override of false switches it off
			simulator.putIfAbsent("simulator.accounts[0].enforce-service-window", true);
			contexts.put(Service.SIMULATOR,
					run(MetaSimulatorApplication.builder(), ports.get(Service.SIMULATOR), simulator));

			Map<String, Object> services = new HashMap<>(common);
			services.put("sender.meta.base-url", simulatorUrl);
			services.put("template.meta.base-url", simulatorUrl);
			contexts.put(Service.SENDER, run(SenderApplication.builder(), ports.get(Service.SENDER), services));
			contexts.put(Service.TEMPLATE, run(TemplateApplication.builder(), ports.get(Service.TEMPLATE), services));
			contexts.put(Service.WEBHOOK, run(WebhookApplication.builder(), ports.get(Service.WEBHOOK), services));
			contexts.put(Service.WORKFLOW, run(WorkflowApplication.builder(), ports.get(Service.WORKFLOW), services));
			Map<String, Object> callbacks = new HashMap<>(services);
			// development: callbacks may go to http://localhost and 127.0.0.1
			// (docs/callback-service.md)
			callbacks.putIfAbsent("callbacks.allow-local-http", true);
			contexts.put(Service.CALLBACK, run(CallbackApplication.builder(), ports.get(Service.CALLBACK), callbacks));

			DemoSeeder seeder = new DemoSeeder(gatewayUrl, adminToken);
			DemoAccount seeded = seeder.seed(demo);
			LocalPlatform platform = new LocalPlatform(infrastructure, contexts, seeded, adminToken);
			new HealthCheck().awaitHealthy(platform.urls());
			// the demo organization runs the tour operator's workflows from the start
			seeder.installDefaultWorkflows(seeded);
			if (options.prometheus()) {
				platform.prometheus = LocalPrometheus.start(platform.managementPorts()).orElse(null);
			}
			return platform;
		}
		catch (RuntimeException ex) {
			closeAll(new ArrayList<>(contexts.values()));
			infrastructure.close();
			throw ex;
		}
	}

	private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, int port,
			Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("server.port", port);
		if (!"false".equals(String.valueOf(properties.get("platform.enabled")))) {
			// a platform service's actuator has its own port beside the public one (a
			// random one with a random public port); the simulator keeps it on its own
			all.putIfAbsent("management.server.port", (port == 0) ? 0 : port + MANAGEMENT_OFFSET);
		}
		// as command-line arguments: they must win over each application's own
		// configuration file
		String[] args = all.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return builder.registerShutdownHook(false).run(args);
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	public String url(Service service) {
		return url(this.contexts.get(service));
	}

	/**
	 * The actuator's address of a platform service ({@code /actuator/prometheus} and the
	 * health groups); the simulator's is its {@link #url(Service)}.
	 */
	public String managementUrl(Service service) {
		ConfigurableApplicationContext context = this.contexts.get(service);
		String port = context.getEnvironment().getProperty("local.management.port");
		return (port != null) ? "http://localhost:" + port : url(context);
	}

	/** The management port of every platform service, by application name. */
	Map<String, Integer> managementPorts() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		this.contexts.forEach((service, context) -> {
			String port = context.getEnvironment().getProperty("local.management.port");
			if (service != Service.SIMULATOR && port != null) {
				ports.put(context.getEnvironment().getRequiredProperty("spring.application.name"),
						Integer.parseInt(port));
			}
		});
		return ports;
	}

	/**
	 * The Prometheus server started with {@code devstack.prometheus} (empty when not
	 * asked for, or its binary is not installed).
	 */
	public Optional<String> prometheusUrl() {
		return Optional.ofNullable(this.prometheus).map(LocalPrometheus::url);
	}

	public Map<Service, String> urls() {
		Map<Service, String> urls = new LinkedHashMap<>();
		this.contexts.keySet().forEach((service) -> urls.put(service, url(service)));
		return urls;
	}

	public ConfigurableApplicationContext context(Service service) {
		return this.contexts.get(service);
	}

	/**
	 * The bearer token of the gateway's admin API ({@code gateway.admin-token}): the one
	 * given, or generated at every start.
	 */
	public String adminToken() {
		return this.adminToken;
	}

	public DemoAccount demo() {
		return this.demo;
	}

	/**
	 * The Kafka bootstrap address the services use and other backends should publish to:
	 * {@code localhost:<kafkaPort>}, or the broker's random port when it was 0.
	 */
	public String kafkaBootstrapServers() {
		return this.infrastructure.kafkaBootstrapServers();
	}

	@Override
	public void close() {
		if (this.prometheus != null) {
			this.prometheus.close();
		}
		List<ConfigurableApplicationContext> reversed = new ArrayList<>(this.contexts.values());
		java.util.Collections.reverse(reversed);
		closeAll(reversed);
		this.infrastructure.close();
	}

	private static void closeAll(List<ConfigurableApplicationContext> contexts) {
		contexts.forEach(ConfigurableApplicationContext::close);
	}

	/** The applications of the platform, in start order. */
	public enum Service {

		GATEWAY, SIMULATOR, SENDER, TEMPLATE, WEBHOOK, WORKFLOW, CALLBACK

	}

}
