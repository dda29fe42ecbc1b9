package com.waplatform.webhook.health;

import com.waplatform.support.outbox.Outbox;
import com.waplatform.webhook.health.domain.AccountHealthMapping;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link AccountHealthChangeHandler} per account health webhook field. */
@Configuration(proxyBeanMethods = false)
class AccountHealthHandlers {

	@Bean
	AccountHealthChangeHandler phoneNumberQualityHandler(Outbox outbox, MeterRegistry meters) {
		return new AccountHealthChangeHandler(AccountHealthMapping.QUALITY_FIELD, outbox, meters);
	}

	@Bean
	AccountHealthChangeHandler phoneNumberNameHandler(Outbox outbox, MeterRegistry meters) {
		return new AccountHealthChangeHandler(AccountHealthMapping.NAME_FIELD, outbox, meters);
	}

	@Bean
	AccountHealthChangeHandler businessCapabilityHandler(Outbox outbox, MeterRegistry meters) {
		return new AccountHealthChangeHandler(AccountHealthMapping.CAPABILITY_FIELD, outbox, meters);
	}

	@Bean
	AccountHealthChangeHandler accountUpdateHandler(Outbox outbox, MeterRegistry meters) {
		return new AccountHealthChangeHandler(AccountHealthMapping.ACCOUNT_FIELD, outbox, meters);
	}

}
