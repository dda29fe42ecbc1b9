package com.waplatform.simulator.faults;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the connection of an exchange without answering: SO_LINGER 0 then close, so the
 * client gets a TCP reset (reactor-netty's WebClient reports "Connection reset by peer"
 * or a premature close), as when a load balancer or Meta's edge drops the connection.
 */
public final class ConnectionReset {

	private ConnectionReset() {
	}

	public static void reset(ServerWebExchange exchange) {
		Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		if (!(request instanceof Connection connection)) {
			throw new IllegalStateException("Connection resets need reactor-netty, not " + request.getClass());
		}
		Channel channel = connection.channel();
		channel.config().setOption(ChannelOption.SO_LINGER, 0);
		channel.close();
	}

}
