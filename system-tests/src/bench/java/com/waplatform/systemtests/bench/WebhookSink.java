package com.waplatform.systemtests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Where the simulator posts its status webhooks while the sender's pacing is measured:
 * answers 200 and drops them. The simulator does all its webhook work as Meta would, but
 * the platform's status path (gateway, webhook service, read model) does not compete for
 * the two cores with the sender being measured; it is measured in its own phase.
 */
final class WebhookSink implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final AtomicLong received = new AtomicLong();

	WebhookSink() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 512);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the webhook sink", ex);
		}
		this.server.createContext("/", this::drop);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/webhooks/sink";
	}

	long received() {
		return this.received.get();
	}

	private void drop(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			body.transferTo(OutputStream.nullOutputStream());
		}
		this.received.incrementAndGet();
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
