package com.waplatform.sender.dispatch;

import java.time.Instant;

import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.LaneItem;
import org.jspecify.annotations.Nullable;

/**
 * A message in its number's lane, with where it came from and its retry history in this
 * process. Mutable, owned by the dispatcher thread.
 */
final class QueuedMessage implements LaneItem {

	final SendRequest request;

	final int partition;

	final long offset;

	final Instant admittedAt;

	/** The trace its send request arrived in: its call to Meta continues it. */
	final @Nullable String traceparent;

	long queuedAt;

	/** When its call was last handed out for preparation (monotonic). */
	long preparingSince;

	/** Its failed attempts, as recorded on its row ({@code failures}). */
	int failures;

	int deferrals;

	/**
	 * Its call is (or was last) a trial of its number's half-open circuit breaker: a
	 * failure does not count as one of its attempts.
	 */
	boolean trial;

	/** When its current call was prepared (its verification window starts there). */
	@Nullable Instant attemptStartedAt;

	QueuedMessage(SendRequest request, int partition, long offset, Instant admittedAt, @Nullable String traceparent) {
		this.request = request;
		this.partition = partition;
		this.offset = offset;
		this.admittedAt = admittedAt;
		this.traceparent = traceparent;
	}

	@Override
	public String id() {
		return this.request.messageId();
	}

	@Override
	public String recipient() {
		return this.request.recipient();
	}

	@Override
	public Priority priority() {
		return this.request.priority();
	}

	boolean expired(Instant now) {
		return this.request.expiresAt() != null && !now.isBefore(this.request.expiresAt());
	}

}
