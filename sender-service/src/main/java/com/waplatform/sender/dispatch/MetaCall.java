package com.waplatform.sender.dispatch;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.sender.meta.MetaCallException;
import com.waplatform.sender.meta.MetaCircuitBreakers;
import com.waplatform.sender.meta.MetaClient;
import com.waplatform.sender.meta.MetaReply;
import com.waplatform.support.accounts.AccountDirectory;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * One call to Meta for one message, through the number's circuit breaker. Never retries:
 * what to do after a failure is decided by {@link MessageWork} and {@link Verdicts} (it
 * depends on the error class, the message's history and the number's state).
 */
@Component
class MetaCall {

	private final MetaClient metaClient;

	private final MetaCircuitBreakers breakers;

	private final AccountDirectory accounts;

	private final SendMetrics metrics;

	MetaCall(MetaClient metaClient, MetaCircuitBreakers breakers, AccountDirectory accounts, SendMetrics metrics) {
		this.metaClient = metaClient;
		this.breakers = breakers;
		this.accounts = accounts;
		this.metrics = metrics;
	}

	Mono<MetaReply> call(PhoneNumberConfigured number, SendRequest request) {
		return Mono.defer(() -> {
			// subscribed only when the breaker lets the call through
			this.metrics.called(request.organizationId(), number.phoneNumberId());
			return this.metaClient.send(number.phoneNumberId(), this.accounts.accessToken(number), body(request));
		})
			.transformDeferred(CircuitBreakerOperator.of(this.breakers.forNumber(number.phoneNumberId())))
			.onErrorResume(MetaCallException.class, (ex) -> Mono.just(new MetaReply.Unavailable(ex)))
			.onErrorResume(CallNotPermittedException.class, (ex) -> Mono.just(new MetaReply.NotPermitted()));
	}

	/**
	 * The body Meta receives: our message addressed to the recipient and carrying our
	 * message id, which Meta echoes on every status webhook. A mark-as-read names the
	 * message it reads instead, and gets no status webhooks to correlate.
	 */
	static MetaMessage body(SendRequest request) {
		if (request.message().isMarkRead()) {
			return request.message().withRecipient(null);
		}
		return request.message().withRecipient(request.recipient()).withCallbackData(request.messageId());
	}

}
