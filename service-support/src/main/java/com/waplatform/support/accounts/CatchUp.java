package com.waplatform.support.accounts;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Whether a consumer that reads a topic from its beginning has reached the topic's end
 * offsets as they were when it started: every partition's position (the offset after the
 * last record read, or where the consumer was assigned) at least its end offset. A
 * partition that was empty is caught up at once. Once caught up, caught up for good.
 */
final class CatchUp {

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	private final Map<TopicPartition, Long> positions = new HashMap<>();

	private @Nullable Map<TopicPartition, Long> targets;

	/** The consumer was assigned these partitions at these positions. */
	synchronized void assigned(Map<TopicPartition, Long> assigned) {
		assigned.forEach((partition, position) -> this.positions.merge(partition, position, Math::max));
		check();
	}

	/** The consumer read the record at {@code offset} of {@code partition}. */
	void consumed(TopicPartition partition, long offset) {
		if (this.done.isDone()) {
			return;
		}
		synchronized (this) {
			this.positions.merge(partition, offset + 1, Math::max);
			check();
		}
	}

	/** The topic's end offsets as of the start; only the first answer counts. */
	synchronized void endOffsets(Map<TopicPartition, Long> ends) {
		if (this.targets == null) {
			this.targets = Map.copyOf(ends);
		}
		check();
	}

	/** Whether the end offsets are known yet. */
	synchronized boolean knowsEndOffsets() {
		return this.targets != null;
	}

	boolean isDone() {
		return this.done.isDone();
	}

	/** Completes once caught up; never fails. */
	CompletableFuture<Void> done() {
		return this.done;
	}

	private void check() {
		if (this.targets == null || this.done.isDone()) {
			return;
		}
		boolean caughtUp = this.targets.entrySet()
			.stream()
			.allMatch((target) -> target.getValue() <= this.positions.getOrDefault(target.getKey(), 0L));
		if (caughtUp) {
			this.done.complete(null);
		}
	}

}
