package com.waplatform.support.lifecycle;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The subscription of a pipeline that runs for a bean's whole lifetime (work fed through
 * a sink, e.g. the sender's send pipeline and batched writes): the one place a service
 * subscribes, since anything else is returned to the framework (enforced by
 * {@code ArchitectureRules}). The owning {@code SmartLifecycle} delegates its
 * {@code start()}, {@code stop()} and {@code isRunning()} here and keeps its phase and
 * its own clean-up.
 * <p>
 * The pipeline is assembled on {@link #start()} (so it sees the owner's final settings)
 * and requests everything it emits. An error that reaches the subscription is logged as
 * "{@code <description> stopped}" on the owner's logger, and the pipeline stays down: its
 * sink is unicast and accepts one subscriber only, so owners recover failed work inside
 * the pipeline. The owner still counts as running until {@link #stop()}, so that its
 * clean-up runs at shutdown.
 */
public final class PipelineSubscription {

	private final Logger log;

	private final String description;

	private final Supplier<? extends Flux<?>> pipeline;

	private volatile @Nullable Disposable subscription;

	/**
	 * @param owner the bean whose logger reports a failure
	 * @param description what runs, e.g. {@code "The send pipeline"}
	 * @param pipeline assembles the pipeline
	 */
	public PipelineSubscription(Class<?> owner, String description, Supplier<? extends Flux<?>> pipeline) {
		this.log = LoggerFactory.getLogger(owner);
		this.description = description;
		this.pipeline = pipeline;
	}

	/** Assembles the pipeline and subscribes to it, unless it is running. */
	public void start() {
		if (this.subscription == null) {
			this.subscription = this.pipeline.get()
				.subscribe(null, (ex) -> this.log.error("{} stopped", this.description, ex));
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
