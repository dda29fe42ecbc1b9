package com.waplatform.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A client system's callback receiver on a real port: it answers 200, 500, or nothing at
 * all (the exchange is held open, so the caller's timeout runs out), or alternates 500
 * and no answer, as {@link #answer} says. It records every request with what it answered.
 */
final class Receiver implements AutoCloseable {

	enum Mode {

		OK, FAIL, HANG, FAIL_AND_HANG

	}

	private final HttpServer server;

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<HttpExchange> held = new CopyOnWriteArrayList<>();

	private Receiver(HttpServer server) {
		this.server = server;
	}

	static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			Receiver receiver = new Receiver(server);
			server.createContext("/", receiver::handle);
			server.setExecutor(Executors.newFixedThreadPool(4));
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	void answer(Mode mode) {
		this.mode.set(mode);
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Mode now = this.mode.get();
		if (now == Mode.FAIL_AND_HANG) {
			now = (this.requests.size() % 2 == 0) ? Mode.FAIL : Mode.HANG;
		}
		int status = switch (now) {
			case OK -> 200;
			case FAIL -> 500;
			default -> 0;
		};
		this.requests
			.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-Delivery-Id"),
					exchange.getRequestHeaders().getFirst("X-Signature"),
					exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8),
					status));
		if (status == 0) {
			// no answer: the caller times out
			this.held.add(exchange);
			return;
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.held.forEach(HttpExchange::close);
		this.server.stop(0);
	}

	/** A request as received, and the status answered (0: none). */
	record Request(String path, String deliveryId, String signature, String contentType, String body, int answered) {

		boolean delivered() {
			return this.answered >= 200 && this.answered < 300;
		}

	}

}
