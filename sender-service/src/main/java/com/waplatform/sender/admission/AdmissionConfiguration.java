package com.waplatform.sender.admission;

import java.time.Duration;
import java.util.Optional;

import com.waplatform.sender.store.Messages;
import com.waplatform.sender.store.MicroBatcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Admissions are recorded in batches: the records of one poll arrive within microseconds,
 * and one multi-row insert per poll replaces hundreds of inserts.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

	/**
	 * A listener returning a Mono pauses its consumer until every record of the poll is
	 * acknowledged and checks again every {@code pollTimeoutWhilePaused} (100 ms by
	 * default); admissions take milliseconds, so check often.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> quickResumeAfterAcks() {
		return (container) -> container.getContainerProperties().setPollTimeoutWhilePaused(Duration.ofMillis(10));
	}

	@Bean
	MicroBatcher<Messages.Admitting, Optional<Messages.Recorded>> admissionBatcher(Messages messages) {
		return new MicroBatcher<>(500, Duration.ofMillis(3), 4, messages::recordAll);
	}

}
