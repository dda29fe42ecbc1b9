package com.waplatform.sender.store;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import com.waplatform.support.lifecycle.PipelineSubscription;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * Groups single-row writes that arrive together into one statement: items submitted
 * within {@code linger} (at most {@code maxBatch}) are written by one call of the writer,
 * and each submitter gets its own result. At 1,000 messages per second this turns
 * thousands of statements per second into tens. The pipeline is one subscription for the
 * bean's lifetime ({@link PipelineSubscription}, opened in {@link #start()} and disposed
 * in {@link #stop()}); it starts before the Kafka listener containers and stops after
 * them.
 *
 * @param <T> what is written
 * @param <R> the result for each item
 */
public final class MicroBatcher<T, R> implements SmartLifecycle {

	private final Sinks.Many<Pending<T, R>> pending = Sinks.many().unicast().onBackpressureBuffer();

	private final int maxBatch;

	private final Duration linger;

	private final int concurrency;

	private final Function<List<T>, Mono<List<R>>> writer;

	private final PipelineSubscription pipeline;

	/**
	 * @param writer writes a batch; emits one result per item, in order (an error fails
	 * every item of the batch)
	 */
	public MicroBatcher(int maxBatch, Duration linger, int concurrency, Function<List<T>, Mono<List<R>>> writer) {
		this.maxBatch = maxBatch;
		this.linger = linger;
		this.concurrency = concurrency;
		this.writer = writer;
		this.pipeline = new PipelineSubscription(MicroBatcher.class, "Batched writes", () -> this.pending.asFlux()
			// fair backpressure: a full set of writes in flight holds the buffer back
			// instead of failing it (the plain variant errors on a timeout without
			// demand)
			.bufferTimeout(this.maxBatch, this.linger, true)
			.flatMap(this::write, this.concurrency));
	}

	public Mono<R> submit(T item) {
		return Mono.create((sink) -> this.pending.emitNext(new Pending<>(item, sink),
				Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))));
	}

	private Mono<Void> write(List<Pending<T, R>> batch) {
		return Mono.defer(() -> this.writer.apply(batch.stream().map(Pending::item).toList()))
			.materialize()
			.doOnNext((signal) -> {
				List<R> results = signal.get();
				for (int i = 0; i < batch.size(); i++) {
					MonoSink<R> sink = batch.get(i).sink();
					if (results != null && results.size() == batch.size()) {
						sink.success(results.get(i));
					}
					else {
						Throwable failure = signal.getThrowable();
						sink.error((failure != null) ? failure
								: new IllegalStateException("Batch write gave no result for each item"));
					}
				}
			})
			.then();
	}

	@Override
	public void start() {
		this.pipeline.start();
	}

	@Override
	public void stop() {
		this.pipeline.stop();
	}

	@Override
	public boolean isRunning() {
		return this.pipeline.isRunning();
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 200;
	}

	private record Pending<T, R>(T item, MonoSink<R> sink) {
	}

}
