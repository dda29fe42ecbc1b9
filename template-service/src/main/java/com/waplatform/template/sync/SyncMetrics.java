package com.waplatform.template.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.waplatform.template.domain.SyncReport;
import com.waplatform.template.meta.MetaApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code template.sync.runs{outcome}}, {@code template.sync.duration{outcome}},
 * {@code template.sync.templates{outcome}}, {@code template.sync.meta.errors{code}} and
 * {@code template.sync.age{waba_id}}: how long ago the account's templates were last
 * synced successfully, counted from when this instance first tried while it never
 * succeeded (so an account whose syncs always fail ages too, and an alert sees it).
 */
@Component
class SyncMetrics {

	private final MeterRegistry meters;

	/** Per account: when its templates were last synced (epoch millis). */
	private final Map<String, AtomicLong> lastSynced = new ConcurrentHashMap<>();

	SyncMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** A sync of the account starts: its age gauge exists from now on. */
	void attempting(String wabaId) {
		this.lastSynced.computeIfAbsent(wabaId, (waba) -> {
			AtomicLong since = new AtomicLong(System.currentTimeMillis());
			TimeGauge
				.builder("template.sync.age", since, TimeUnit.MILLISECONDS,
						(at) -> Math.max(0, System.currentTimeMillis() - at.get()))
				.description("Time since the account's templates were last synced successfully")
				.tag("waba_id", waba)
				.register(this.meters);
			return since;
		});
	}

	void succeeded(SyncReport report, long startNanos) {
		AtomicLong since = this.lastSynced.get(report.wabaId());
		if (since != null) {
			since.set(System.currentTimeMillis());
		}
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
