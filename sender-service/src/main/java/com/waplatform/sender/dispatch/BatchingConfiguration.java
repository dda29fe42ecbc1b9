package com.waplatform.sender.dispatch;

import java.time.Duration;

import com.waplatform.sender.store.Messages;
import com.waplatform.sender.store.MicroBatcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two writes of every send are batched: the SENDING marks before the calls, and the
 * acceptances (with their status events) after them. At 1,000 messages per second a
 * couple of milliseconds of linger gathers a few messages per statement and cuts the
 * database round trips several-fold.
 */
@Configuration(proxyBeanMethods = false)
class BatchingConfiguration {

	@Bean
	MicroBatcher<Messages.MessageKey, Boolean> sendingMarks(Messages messages) {
		return new MicroBatcher<>(256, Duration.ofMillis(2), 8, messages::markSendingAll);
	}

	@Bean
	MicroBatcher<Messages.Acceptance, Boolean> acceptances(Outcomes outcomes) {
		return new MicroBatcher<>(256, Duration.ofMillis(2), 8, outcomes::acceptAll);
	}

}
