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

	/**
	 * A free port whose neighbour {@code offset} above is free too: a service's actuator
	 * listens on its public port + 1000, and with seven services a random port's
	 * neighbour was sometimes taken (a system test's platform failed to start).
	 */
	public static int freePortWithNeighbour(int offset) {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				int port = socket.getLocalPort();
				if (port + offset <= 65535 && isFree(port + offset)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No free port", ex);
			}
		}
		throw new IllegalStateException("No free port with a free neighbour " + offset + " above it");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
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
