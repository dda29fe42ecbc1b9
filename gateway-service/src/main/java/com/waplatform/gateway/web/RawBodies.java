package com.waplatform.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;

/**
 * Reads a request body as raw bytes, refusing more than a limit with a 413 problem
 * (early, from {@code Content-Length}, when the client announces the size).
 */
public final class RawBodies {

	private RawBodies() {
	}

	/** The body's bytes; an empty array when there is no body. */
	public static Mono<byte[]> read(ServerHttpRequest request, DataSize limit) {
		int max = (int) Math.min(Integer.MAX_VALUE, limit.toBytes());
		long announced = request.getHeaders().getContentLength();
		if (announced > max) {
			return Mono.error(tooLarge(limit));
		}
		return DataBufferUtils.join(request.getBody(), max)
			.map(RawBodies::bytes)
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(limit))
			.defaultIfEmpty(new byte[0]);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static RuntimeException tooLarge(DataSize limit) {
		return Problems.exception(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
				"The request body exceeds the limit of " + limit.toKilobytes() + " KB");
	}

}
