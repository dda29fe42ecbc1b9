package com.waplatform.template.sync;

import java.util.concurrent.TimeUnit;

import com.waplatform.template.domain.SyncReport;
import com.waplatform.template.meta.MetaApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code template.sync.runs{outcome}}, {@code template.sync.duration{outcome}},
 * {@code template.sync.templates{outcome}} and {@code template.sync.meta.errors{code}}.
 */
@Component
class SyncMetrics {

	private final MeterRegistry meters;

	SyncMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void succeeded(SyncReport report, long startNanos) {
		finished("success", startNanos);
		templates("added", report.added());
		templates("changed", report.changed());
		templates("removed", report.removed());
		templates("unchanged", report.unchanged());
	}

	void failed(long startNanos) {
		finished("failure", startNanos);
	}

	void metaError(MetaApiException ex) {
		String code = (ex.code() != MetaApiException.NO_GRAPH_ERROR) ? Integer.toString(ex.code()) : "none";
		Counter.builder("template.sync.meta.errors")
			.description("Failed template listings by Meta error code (none: no Graph error)")
			.tag("code", code)
			.register(this.meters)
			.increment();
	}

	private void finished(String outcome, long startNanos) {
		Counter.builder("template.sync.runs")
			.description("Syncs of one WhatsApp Business Account")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
		Timer.builder("template.sync.duration")
			.description("Time to sync one WhatsApp Business Account")
			.tag("outcome", outcome)
			.register(this.meters)
			.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
	}

	private void templates(String outcome, int count) {
		Counter.builder("template.sync.templates")
			.description("Templates seen by syncs, by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment(count);
	}

}
