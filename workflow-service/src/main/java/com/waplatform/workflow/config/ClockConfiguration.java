package com.waplatform.workflow.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock rules and the scheduler read "now" from: the system clock, replaced by a
 * controllable one in tests (no sleeps to wait for a due time).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
