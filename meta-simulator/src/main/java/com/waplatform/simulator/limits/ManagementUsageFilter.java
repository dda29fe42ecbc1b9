package com.waplatform.simulator.limits;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.waplatform.simulator.accounts.AccountRegistry;
import com.waplatform.simulator.graph.GraphErrorWriter;
import com.waplatform.simulator.graph.GraphErrors;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts template management calls ({@code /{version}/{waba-id}/message_templates}) of
 * known WABAs, adds Meta's {@code x-business-use-case-usage} header and refuses calls
 * over the quota with 80007.
 */
@Component
class ManagementUsageFilter implements WebFilter {

	static final String HEADER = "x-business-use-case-usage";

	private static final Pattern TEMPLATES_PATH = Pattern.compile("^/v\\d+\\.\\d+/([^/]+)/message_templates/?$");

	private final ManagementUsage usage;

	private final AccountRegistry accounts;

	ManagementUsageFilter(ManagementUsage usage, AccountRegistry accounts) {
		this.usage = usage;
		this.accounts = accounts;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Matcher matcher = TEMPLATES_PATH.matcher(exchange.getRequest().getPath().value());
		if (!matcher.matches() || !this.accounts.hasWaba(matcher.group(1))) {
			return chain.filter(exchange);
		}
		String wabaId = matcher.group(1);
		ManagementUsage.Usage usage = this.usage.call(wabaId);
		exchange.getResponse().getHeaders().set(HEADER, header(wabaId, usage));
		if (usage.throttled()) {
			return GraphErrorWriter.write(exchange, GraphErrors.wabaRateLimit());
		}
		return chain.filter(exchange);
	}

	static String header(String wabaId, ManagementUsage.Usage usage) {
		return "{\"" + wabaId + "\":[{\"type\":\"whatsapp_business_management\",\"call_count\":" + usage.percent()
				+ ",\"total_cputime\":" + usage.percent() + ",\"total_time\":" + usage.percent()
				+ ",\"estimated_time_to_regain_access\":" + usage.minutesToRegainAccess() + "}]}";
	}

}
