package com.waplatform.sender.send;

import java.util.concurrent.atomic.AtomicInteger;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.sender.domain.ErrorClass;
import com.waplatform.sender.domain.ErrorClassifier;
import com.waplatform.sender.domain.SendOutcome;
import com.waplatform.sender.meta.MetaCallException;
import com.waplatform.sender.meta.MetaCircuitBreakers;
import com.waplatform.sender.meta.MetaClient;
import com.waplatform.sender.meta.MetaReply;
import com.waplatform.support.accounts.AccountDirectory;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.stereotype.Component;

/**
 * Sends one message to Meta: the call, guarded by the number's circuit breaker, and
 * retried with exponential backoff and jitter while the failure may pass. Emits the final
 * outcome (accepted, or failed for a reason retrying cannot fix), or a
 * {@link SendDeferredException} when the retries are exhausted. The rate limiters of the
 * business number and the recipient plug in before the call.
 */
@Component
class SendPipeline {

	private static final Logger log = LoggerFactory.getLogger(SendPipeline.class);

	private final MetaClient metaClient;

	private final MetaCircuitBreakers breakers;

	private final AccountDirectory accounts;

	private final RetryProperties retry;

	SendPipeline(MetaClient metaClient, MetaCircuitBreakers breakers, AccountDirectory accounts,
			RetryProperties retry) {
		this.metaClient = metaClient;
		this.breakers = breakers;
		this.accounts = accounts;
		this.retry = retry;
	}

	Mono<SendOutcome> send(PhoneNumberConfigured number, SendRequest request) {
		AtomicInteger calls = new AtomicInteger();
		MetaMessage body = body(request);
		Mono<SendOutcome> call = Mono.defer(() -> {
			calls.incrementAndGet();
			return this.metaClient.send(number.phoneNumberId(), this.accounts.accessToken(number), body);
		}).flatMap((reply) -> outcome(request, reply, calls.get()));
		return call.transformDeferred(CircuitBreakerOperator.of(this.breakers.forNumber(number.phoneNumberId())))
			.retryWhen(Retry.backoff(this.retry.maxAttempts() - 1L, this.retry.firstBackoff())
				.maxBackoff(this.retry.maxBackoff())
				.jitter(this.retry.jitter())
				.filter(SendPipeline::mayPass)
				.doBeforeRetry((signal) -> log.debug("Retrying message {} after: {}", request.messageId(),
						signal.failure().getMessage()))
				.onRetryExhaustedThrow((spec, signal) -> new SendDeferredException(request.messageId(), calls.get(),
						signal.failure())));
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

	private static Mono<SendOutcome> outcome(SendRequest request, MetaReply reply, int calls) {
		if (reply instanceof MetaReply.Refused refused) {
			ErrorClass errorClass = ErrorClassifier.classify(refused.error());
			if (errorClass.retryable()) {
				return Mono.error(new MetaCallException(errorClass, refused.error()));
			}
			if (errorClass == ErrorClass.AUTH) {
				log.error("Meta rejected the access token of business number {} (message {}): {}",
						request.phoneNumberId(), request.messageId(), refused.error());
			}
			return Mono.just(SendOutcome.failed(refused.error().toErrorInfo(), calls));
		}
		return Mono.just(SendOutcome.accepted(((MetaReply.Accepted) reply).wamid(), calls));
	}

	/** Whether the failure may pass by itself: then the call is worth repeating. */
	private static boolean mayPass(Throwable failure) {
		return failure instanceof MetaCallException || failure instanceof CallNotPermittedException;
	}

}
