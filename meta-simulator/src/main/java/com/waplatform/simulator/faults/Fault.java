package com.waplatform.simulator.faults;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What fault injection decided for one send.
 *
 * @param kind the kind of fault
 * @param value the Meta error code (ERROR) or the HTTP status (HTTP_ERROR), else 0
 */
public record Fault(Kind kind, int value) {

	public static final Fault NONE = new Fault(Kind.NONE, 0);

	/** One uniform draw against the profile's cumulative rates. */
	static Fault decide(FaultProfile profile, RandomGenerator random) {
		double draw = random.nextDouble();
		double bound = profile.errorRate();
		if (draw < bound) {
			return new Fault(Kind.ERROR, pick(profile.errorCodes(), random));
		}
		bound += profile.httpErrorRate();
		if (draw < bound) {
			return new Fault(Kind.HTTP_ERROR, pick(profile.httpStatuses(), random));
		}
		bound += profile.timeoutRate();
		if (draw < bound) {
			return new Fault(Kind.TIMEOUT, 0);
		}
		bound += profile.resetRate();
		if (draw < bound) {
			return new Fault(Kind.RESET, 0);
		}
		bound += profile.acceptThenTimeoutRate();
		if (draw < bound) {
			return new Fault(Kind.ACCEPT_THEN_TIMEOUT, 0);
		}
		bound += profile.acceptThenResetRate();
		if (draw < bound) {
			return new Fault(Kind.ACCEPT_THEN_RESET, 0);
		}
		return NONE;
	}

	private static int pick(List<Integer> values, RandomGenerator random) {
		return values.get(random.nextInt(values.size()));
	}

	/** Whether the message is accepted (recorded, webhooks sent) despite the fault. */
	public boolean accepts() {
		return this.kind == Kind.NONE || this.kind == Kind.ACCEPT_THEN_TIMEOUT || this.kind == Kind.ACCEPT_THEN_RESET;
	}

	/** The name under which the fault is counted, e.g. {@code error:131000}. */
	public String label() {
		return switch (this.kind) {
			case ERROR -> "error:" + this.value;
			case HTTP_ERROR -> "http:" + this.value;
			case TIMEOUT -> "timeout";
			case RESET -> "reset";
			case ACCEPT_THEN_TIMEOUT -> "acceptThenTimeout";
			case ACCEPT_THEN_RESET -> "acceptThenReset";
			case NONE -> "none";
		};
	}

	public enum Kind {

		NONE, ERROR, HTTP_ERROR, TIMEOUT, RESET, ACCEPT_THEN_TIMEOUT, ACCEPT_THEN_RESET

	}

}
