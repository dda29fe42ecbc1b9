package com.waplatform.simulator.faults;

/**
 * An answer without Meta's envelope, as a load balancer or proxy in front of the Graph
 * API gives it: a 5xx with a small HTML page (or nothing).
 */
public class BareHttpError extends RuntimeException {

	private final int status;

	public BareHttpError(int status) {
		super("Injected HTTP " + status, null, false, false);
		this.status = status;
	}

	public int status() {
		return this.status;
	}

}
