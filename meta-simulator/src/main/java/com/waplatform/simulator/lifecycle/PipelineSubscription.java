package com.waplatform.simulator.lifecycle;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The subscription of a pipeline that runs for a bean's whole lifetime: the one place the
 * simulator subscribes ({@code ArchitectureTests} allows no other). The owning
 * {@code SmartLifecycle} delegates {@code start()}, {@code stop()} and
 * {@code isRunning()} here and keeps its own clean-up.
 * <p>
 * The simulator's copy of service-support's {@code PipelineSubscription}, with the same
 * behaviour: the pipeline is assembled on {@link #start()}; an error that reaches the
 * subscription is logged as "{@code <description> stopped}" on the owner's logger and the
 * pipeline stays down (its sink is unicast); the owner counts as running until
 * {@link #stop()}. A copy, because the simulator stands in for Meta and carries none of
 * the platform: service-support would bring its auto-configuration (security, Kafka,
 * R2DBC, Flyway, the platform defaults) onto the simulator's classpath.
 */
public final class PipelineSubscription {

	private final Log log;

	private final String description;

	private final Supplier<? extends Flux<?>> pipeline;

	private volatile @Nullable Disposable subscription;

	/**
	 * @param owner the bean whose logger reports a failure
	 * @param description what runs, e.g. {@code "Status webhook pipeline"}
	 * @param pipeline assembles the pipeline
	 */
	public PipelineSubscription(Class<?> owner, String description, Supplier<? extends Flux<?>> pipeline) {
		this.log = LogFactory.getLog(owner);
		this.description = description;
		this.pipeline = pipeline;
	}

	/** Assembles the pipeline and subscribes to it, unless it is running. */
	public void start() {
		if (this.subscription == null) {
			this.subscription = this.pipeline.get()
				.subscribe(null, (ex) -> this.log.error(this.description + " stopped", ex));
		}
	}

	/** Disposes the subscription (cancels the pipeline). */
	public void stop() {
		Disposable running = this.subscription;
		if (running != null) {
			running.dispose();
		}
		this.subscription = null;
	}

	/** Whether {@link #start()} subscribed and {@link #stop()} has not disposed since. */
	public boolean isRunning() {
		return this.subscription != null;
	}

}
