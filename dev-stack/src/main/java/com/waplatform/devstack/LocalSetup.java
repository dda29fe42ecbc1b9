package com.waplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;

import com.waplatform.simulator.MetaSimulatorApplication;

/**
 * What every local start of the platform needs, in-process (dev-stack, system tests) or
 * as child processes (the benchmark harness): free ports, fresh secrets, and the
 * auto-configurations the simulator must not pick up from the services' shared classpath.
 */
public final class LocalSetup {

	/** The simulator's {@link MetaSimulatorApplication#EMBEDDED_EXCLUDES}. */
	public static final String SIMULATOR_EXCLUDES = MetaSimulatorApplication.EMBEDDED_EXCLUDES;

	private static final SecureRandom RANDOM = new SecureRandom();

	private LocalSetup() {
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	/** A fresh credential key (Base64 of 256 random bits). */
	public static String credentialKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * A fresh bearer token (256 random bits, Base64url without padding: 43 characters).
	 */
	public static String token() {
		byte[] token = new byte[32];
		RANDOM.nextBytes(token);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

}
