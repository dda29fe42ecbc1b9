package com.waplatform.simulator.graph;

import com.waplatform.common.json.Json;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a {@link GraphException} from a web filter, where no controller advice applies.
 */
public final class GraphErrorWriter {

	private GraphErrorWriter() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, GraphException ex) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.valueOf(ex.httpStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = Json.mapper()
			.writeValueAsBytes(GraphExceptionHandler.toResponse(ex, GraphTrace.traceId(exchange)));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
