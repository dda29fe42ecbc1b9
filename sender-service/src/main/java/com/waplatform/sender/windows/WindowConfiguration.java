package com.waplatform.sender.windows;

import java.time.Duration;

import com.waplatform.sender.domain.CustomerWindow;
import com.waplatform.sender.store.CustomerWindows;
import com.waplatform.sender.store.MicroBatcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The window's reads and writes are batched like the send path's own writes: a cache miss
 * or a refusal costs a share of one statement, never a statement per message.
 */
@Configuration(proxyBeanMethods = false)
class WindowConfiguration {

	@Bean
	MicroBatcher<CustomerWindows.Key, CustomerWindow> windowLoads(CustomerWindows table) {
		return new MicroBatcher<>(256, Duration.ofMillis(2), 4, table::loadAll);
	}

	@Bean
	MicroBatcher<CustomerWindows.Fact, Boolean> windowWrites(CustomerWindows table) {
		return new MicroBatcher<>(256, Duration.ofMillis(2), 4, table::recordAll);
	}

}
