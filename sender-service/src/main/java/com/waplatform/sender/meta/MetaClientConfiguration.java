package com.waplatform.sender.meta;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The WebClient to Meta on its own connection pool, sized for many concurrent calls (the
 * shared default pool is smaller and shared with every other client).
 */
@Configuration(proxyBeanMethods = false)
class MetaClientConfiguration {

	@Bean(destroyMethod = "dispose")
	ConnectionProvider metaConnections(MetaApiProperties properties) {
		return ConnectionProvider.builder("meta")
			.maxConnections(properties.maxConnections())
			.pendingAcquireMaxCount(properties.maxConnections() * 10)
			.pendingAcquireTimeout(properties.pendingAcquireTimeout())
			.maxIdleTime(Duration.ofSeconds(50))
			.evictInBackground(Duration.ofSeconds(30))
			.build();
	}

	@Bean
	WebClient metaWebClient(WebClient.Builder builder, ConnectionProvider metaConnections,
			MetaApiProperties properties) {
		HttpClient http = HttpClient.create(metaConnections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.readTimeout())
			.compress(true);
		return builder.clone()
			.baseUrl(properties.baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.build();
	}

}
