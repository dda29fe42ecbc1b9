package com.waplatform.simulator.ledger;

import java.time.Clock;

import com.waplatform.simulator.SimulatorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	Ledger ledger(SimulatorProperties properties) {
		return new Ledger(properties.ledger().maxEntries(), Clock.systemUTC());
	}

}
