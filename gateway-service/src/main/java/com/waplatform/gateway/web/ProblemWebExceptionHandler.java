package com.waplatform.gateway.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The last resort for errors outside handler methods (no route, failures in filters):
 * they are answered as problems too, ahead of Spring Boot's default error page.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemWebExceptionHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem;
		if (ex instanceof ErrorResponse response) {
			problem = response.getBody();
		}
		else {
			log.error("Unexpected failure of " + exchange.getRequest().getMethod() + " "
					+ exchange.getRequest().getPath().value(), ex);
			problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
					"The request could not be processed; it is safe to retry");
		}
		return ProblemWriter.write(exchange, problem);
	}

}
