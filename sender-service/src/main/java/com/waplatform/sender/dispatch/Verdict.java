package com.waplatform.sender.dispatch;

/**
 * What became of one piece of work on a message, and so what its lane does next.
 *
 * @param kind what happened
 * @param reason why, for retries, logs and dead letters
 */
record Verdict(Kind kind, String reason) {

	static Verdict of(Kind kind) {
		return new Verdict(kind, kind.name());
	}

	enum Kind {

		/** Its call is prepared (recorded SENDING): it waits for its throughput slot. */
		ARMED,

		/** Meta accepted it; recorded. */
		ACCEPTED,

		/**
		 * It left the sender for good (failed, expired, dead-lettered), or is not ours.
		 */
		DONE,

		/** A transient failure: retry with backoff, counts towards dead-lettering. */
		RETRY,

		/** Meta said the number sends too fast (130429 and kin). */
		THROTTLED,

		/** Meta said the recipient gets too many messages (131056). */
		PAIR_LIMITED,

		/** Meta rejected the access token: the organization is paused. */
		PAUSED,

		/** The number's circuit breaker is open: Meta was not called. */
		CIRCUIT_OPEN,

		/** Meta may have accepted it: verify against its status webhooks. */
		UNCONFIRMED,

		/** Back to the queue as it was (e.g. found PENDING again). */
		REQUEUE

	}

}
