package com.waplatform.sender.dispatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The sender's dispatcher thread and its work pipeline. All scheduling state (lanes,
 * verifications) is confined to the one thread: admissions, outcomes and timers are
 * handed to it as tasks, so no lock is needed. Work that waits on the database or Meta is
 * submitted as a job; many jobs are in flight at once
 * ({@code sender.queue.max-in-flight}) and each hands its continuation back to the
 * thread.
 */
final class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Scheduler thread = Schedulers.newSingle("sender-dispatch", true);

	private final Sinks.Many<Job> jobs = Sinks.many().unicast().onBackpressureBuffer();

	private final int maxInFlight;

	Dispatcher(int maxInFlight) {
		this.maxInFlight = maxInFlight;
	}

	/** Runs the task on the dispatcher thread. */
	void run(Runnable task) {
		this.thread.schedule(task);
	}

	/** Runs the task on the dispatcher thread after the delay. */
	Disposable runAfter(Runnable task, long delay, TimeUnit unit) {
		return this.thread.schedule(task, delay, unit);
	}

	/**
	 * Submits work whose result (or, when it fails, {@code recover}'s) runs on the
	 * dispatcher thread.
	 */
	void submit(String what, Mono<Runnable> work, Function<Throwable, Runnable> recover) {
		this.jobs.emitNext(new Job(what, work, recover), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	/** The work pipeline: the submitted jobs, run as they come. */
	Flux<Void> work() {
		return this.jobs.asFlux().flatMap(this::execute, this.maxInFlight);
	}

	/**
	 * Runs one job and hands its continuation to the dispatcher thread. The fault
	 * barrier: a job that fails (a database outage, a bug) is logged and recovered by its
	 * own recovery, so the pipeline keeps running.
	 */
	private Mono<Void> execute(Job job) {
		return job.work().materialize().map((signal) -> {
			if (signal.hasValue()) {
				return signal.get();
			}
			Throwable failure = signal.getThrowable();
			if (failure != null) {
				log.error("Sender job '{}' failed: {}", job.what(), failure.toString(), failure);
				return job.recover().apply(failure);
			}
			return (Runnable) () -> {
			};
		}).doOnNext(this.thread::schedule).then();
	}

	void dispose() {
		this.thread.dispose();
	}

	private record Job(String what, Mono<Runnable> work, Function<Throwable, Runnable> recover) {
	}

}
