package com.waplatform.support.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The W3C trace context ({@code traceparent}) of the work at hand, as a string that can
 * be stored with a message (an outbox row, a queued send, a status row) and continued
 * later on another thread or in another service. Reactive code finds the current trace in
 * the Reactor context (where WebFlux and {@link #continued} put the observation); a Kafka
 * listener's record finds it on the listener's thread (spring-kafka opens the record's
 * observation around the listener method). Nothing here uses thread-local propagation
 * across operators: what must travel travels as a value.
 */
public class TraceContexts {

	/** The W3C header and column name. */
	public static final String TRACEPARENT = "traceparent";

	private static final TraceContexts NONE = new TraceContexts(Tracer.NOOP, ObservationRegistry.NOOP);

	private final Tracer tracer;

	private final ObservationRegistry observations;

	public TraceContexts(Tracer tracer, ObservationRegistry observations) {
		this.tracer = tracer;
		this.observations = observations;
	}

	/** Tracing off: nothing is captured, work runs unobserved. */
	public static TraceContexts none() {
		return NONE;
	}

	/** The traceparent of the span current on this thread (a listener's record). */
	public @Nullable String current() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? traceparent(span.context()) : null;
	}

	/**
	 * The traceparent of the observation in the Reactor context, else of the span current
	 * on this thread.
	 */
	public @Nullable String current(ContextView context) {
		Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (observation != null) {
			TracingObservationHandler.TracingContext tracing = observation.getContextView()
				.get(TracingObservationHandler.TracingContext.class);
			Span span = (tracing != null) ? tracing.getSpan() : null;
			if (span != null) {
				return traceparent(span.context());
			}
		}
		return current();
	}

	/**
	 * Runs {@code work} as a span named {@code name} continuing the trace of
	 * {@code traceparent}; the span is in the Reactor context of the work, so a WebClient
	 * call made in it carries the trace on, and {@link #current(ContextView)} finds it.
	 * Without a traceparent (tracing off, or a message that lost it in a restart) the
	 * work runs as it is.
	 */
	public <T> Mono<T> continued(String name, @Nullable String traceparent, Mono<T> work) {
		if (traceparent == null || this.observations.isNoop()) {
			return work;
		}
		return Mono.defer(() -> {
			Observation observation = Observation.createNotStarted(name, () -> receiving(traceparent),
					this.observations);
			observation.start();
			return work.doOnError(observation::error)
				.doFinally((signal) -> observation.stop())
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private static ReceiverContext<Map<String, String>> receiving(String traceparent) {
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key),
				Kind.CONSUMER);
		context.setCarrier(Map.of(TRACEPARENT, traceparent));
		return context;
	}

	/** The traceparent header of a record, if it has one. */
	public static @Nullable String of(Headers headers) {
		Header header = headers.lastHeader(TRACEPARENT);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** The trace id (32 hex digits) of a traceparent, or null when it is not one. */
	public static @Nullable String traceId(@Nullable String traceparent) {
		if (traceparent == null) {
			return null;
		}
		String[] parts = traceparent.split("-");
		return (parts.length == 4 && parts[1].length() == 32) ? parts[1] : null;
	}

	static @Nullable String traceparent(TraceContext context) {
		if (context.traceId().isEmpty()) {
			return null;
		}
		return "00-" + context.traceId() + "-" + context.spanId()
				+ (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
	}

}
