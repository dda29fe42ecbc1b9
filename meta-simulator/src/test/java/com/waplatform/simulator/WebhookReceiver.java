package com.waplatform.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny webhook endpoint (JDK HTTP server on a free loopback port) that records what it
 * receives, byte for byte, and answers queued statuses (200 once the queue is empty).
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	/** Answer the next requests with these statuses. */
	public synchronized void respondWith(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		int status = nextStatus();
		this.received
			.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
					exchange.getRequestHeaders().getFirst("User-Agent"), body, status));
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private synchronized int nextStatus() {
		Integer next = this.statuses.poll();
		return (next != null) ? next : 200;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request as received. */
	public record Received(String path, String contentType, String signature, String userAgent, byte[] body,
			int answeredStatus) {
	}

}
