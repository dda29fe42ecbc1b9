package com.waplatform.webhook.health;

import java.util.List;

import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.kafka.Topics;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.webhook.health.domain.AccountHealthMapping;
import com.waplatform.webhook.routing.ChangeHandler;
import com.waplatform.webhook.routing.RoutedChange;
import com.waplatform.webhook.routing.domain.LogText;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Publishes the health facts of one account webhook field ({@link AccountHealthMapping})
 * as {@link NumberHealth} on {@code wa.accounts} (key {@link NumberHealth#key()}:
 * compaction keeps each aspect's latest value), through the outbox, in the transaction
 * that records the webhook as processed: a redelivered webhook publishes nothing again.
 * One instance per field ({@link AccountHealthHandlers}).
 */
class AccountHealthChangeHandler implements ChangeHandler {

	private static final Logger logger = LoggerFactory.getLogger(AccountHealthChangeHandler.class);

	private final String field;

	private final Outbox outbox;

	private final MeterRegistry meters;

	AccountHealthChangeHandler(String field, Outbox outbox, MeterRegistry meters) {
		this.field = field;
		this.outbox = outbox;
		this.meters = meters;
	}

	@Override
	public String field() {
		return this.field;
	}

	@Override
	public Mono<Void> handle(RoutedChange change) {
		List<NumberHealth> facts = AccountHealthMapping.map(change.webhookEventId(), change.organizationId(),
				change.wabaId(), this.field, change.change().value());
		if (facts.isEmpty()) {
			this.meters.counter("webhook.account.informational", "field", this.field).increment();
			logger.info("Account webhook '{}' of WABA {} carries no health fact: {}", this.field,
					LogText.of(change.wabaId()), LogText.of(change.change().value().toString()));
			return Mono.empty();
		}
		for (NumberHealth fact : facts) {
			// aspects are the NumberHealth constants: a bounded tag
			this.meters.counter("webhook.account.health", "aspect", fact.aspect()).increment();
			logger.info("Account health of WABA {} number {} (organization {}): {} = {}", LogText.of(fact.wabaId()),
					LogText.of(fact.displayPhoneNumber()), fact.organizationId(), fact.aspect(),
					LogText.of(fact.value()));
		}
		return this.outbox.appendAll(Topics.ACCOUNTS, facts);
	}

}
