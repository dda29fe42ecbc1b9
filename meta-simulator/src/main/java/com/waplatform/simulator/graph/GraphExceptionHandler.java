package com.waplatform.simulator.graph;

import com.waplatform.common.meta.GraphErrorResponse;
import com.waplatform.common.meta.GraphErrorResponse.ErrorData;
import com.waplatform.common.meta.GraphErrorResponse.GraphError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Answers {@link GraphException}s in Meta's error envelope. */
@RestControllerAdvice
class GraphExceptionHandler {

	@ExceptionHandler(GraphException.class)
	ResponseEntity<GraphErrorResponse> handle(GraphException ex, ServerWebExchange exchange) {
		return ResponseEntity.status(HttpStatus.valueOf(ex.httpStatus()))
			.body(toResponse(ex, GraphTrace.traceId(exchange)));
	}

	static GraphErrorResponse toResponse(GraphException ex, String traceId) {
		ErrorData errorData = ex.whatsappError() ? new ErrorData("whatsapp", ex.details()) : null;
		return new GraphErrorResponse(new GraphError(ex.getMessage(), ex.type(), ex.code(), errorData, ex.subcode(),
				null, null, null, traceId));
	}

}
