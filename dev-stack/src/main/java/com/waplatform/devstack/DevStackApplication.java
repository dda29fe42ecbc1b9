package com.waplatform.devstack;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.waplatform.devstack.LocalPlatform.Service;

import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code ./mvnw -pl dev-stack -am spring-boot:run}: the whole platform on this machine,
 * no Docker. Options ({@code --name=value}, or as system properties / environment
 * variables such as {@code DEVSTACK_GATEWAY_PORT}): {@code devstack.gateway.port} (8080),
 * {@code devstack.simulator.port} (8090), {@code devstack.sender.port} (8081),
 * {@code devstack.template.port} (8082), {@code devstack.webhook.port} (8083),
 * {@code devstack.workflow.port} (8084), {@code devstack.callback.port} (8085),
 * {@code devstack.kafka.port} (9092), {@code devstack.postgres.port} (0: any free port),
 * {@code devstack.api-key} (random when not set), {@code devstack.admin-token} (the
 * gateway's admin token; random when not set), {@code devstack.prometheus} (false: true
 * starts a Prometheus server scraping every service, when the binary is installed; the
 * READY line then gives its URL as {@code prometheus=}).
 * <p>
 * Kafka listens on {@code localhost:<devstack.kafka.port>} for the services and for other
 * backends; a port that is taken stops the start with a message (0 picks any free port).
 * The {@code READY} line gives its real address as {@code kafka=} and the admin token as
 * {@code adminToken=}.
 */
public final class DevStackApplication {

	private DevStackApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		Map<Service, Integer> defaults = Map.of(Service.GATEWAY, 8080, Service.SIMULATOR, 8090, Service.SENDER, 8081,
				Service.TEMPLATE, 8082, Service.WEBHOOK, 8083, Service.WORKFLOW, 8084, Service.CALLBACK, 8085);
		defaults.forEach((service, port) -> ports.put(service, environment
			.getProperty("devstack." + service.name().toLowerCase(Locale.ROOT) + ".port", Integer.class, port)));
		PlatformOptions options = new PlatformOptions(ports,
				environment.getProperty("devstack.kafka.port", Integer.class, 9092),
				environment.getProperty("devstack.postgres.port", Integer.class, 0),
				environment.getProperty("devstack.api-key"), environment.getProperty("devstack.admin-token"), Map.of(),
				environment.getProperty("devstack.prometheus", Boolean.class, false));

		LocalPlatform platform = LocalPlatform.start(options);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			platform.close();
			stopped.countDown();
		}, "dev-stack-shutdown"));
		DemoAccount demo = platform.demo();
		// the one line a developer (or a script) waits for; deliberately plain stdout,
		// not a log event
		PrintStream out = System.out;
		out.println("READY gateway=" + platform.url(Service.GATEWAY) + " simulator=" + platform.url(Service.SIMULATOR)
				+ " apiKey=" + demo.apiKey() + " phoneNumberId=" + demo.phoneNumberId() + " wabaId=" + demo.wabaId()
				+ " appSecret=" + demo.appSecret() + " kafka=" + platform.kafkaBootstrapServers() + " adminToken="
				+ platform.adminToken() + " organizationId=" + demo.organizationId()
				+ platform.prometheusUrl().map((url) -> " prometheus=" + url).orElse(""));
		out.flush();
		stopped.await();
	}

}
