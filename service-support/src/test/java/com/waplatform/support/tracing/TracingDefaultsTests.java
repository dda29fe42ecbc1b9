package com.waplatform.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform's defaults ({@code platform-defaults.yml}, added by
 * {@code PlatformDefaults} to every application) make of Boot's tracing: every trace
 * recorded, no exporter (nothing connects to an OTLP endpoint) unless
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} names one, and the trace and span of a log
 * line in its ECS JSON under ECS's names.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingDefaultsTests {

	@Test
	void tracesEverythingAndExportsNothingByDefault(CapturedOutput output) {
		// the console encoder the services get from Boot's default logging configuration
		try (ConfigurableApplicationContext context = start("logging.config=classpath:ecs-console.xml")) {
			assertThat(context.getBeansOfType(OtlpHttpSpanExporter.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("management.tracing.sampling.probability"))
				.isEqualTo("1.0");
			Tracer tracer = context.getBean(Tracer.class);
			Span span = tracer.nextSpan().name("test").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
				assertThat(span.context().sampled()).isTrue();
				LoggerFactory.getLogger(TracingDefaultsTests.class).info("inside a span");
			}
			finally {
				span.end();
			}
			assertThat(output.getOut()).contains("\"trace.id\":\"" + span.context().traceId() + "\"")
				.contains("\"span.id\":\"" + span.context().spanId() + "\"");
		}
	}

	@Test
	void exportsOverOtlpWhenAnEndpointIsGiven() {
		try (ConfigurableApplicationContext context = start(
				"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://localhost:4318/v1/traces")) {
			assertThat(context.getBeansOfType(OtlpHttpSpanExporter.class)).hasSize(1);
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(Tracing.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.application.name=tracing-tests")
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ObservationAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
			OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
			MicrometerTracingAutoConfiguration.class })
	static class Tracing {

	}

}
