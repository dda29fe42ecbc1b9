package com.waplatform.gateway.stats;

import java.time.Clock;

import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.stats.StatisticsViews.Analytics;
import com.waplatform.gateway.stats.StatisticsViews.Queue;
import com.waplatform.gateway.stats.domain.AnalyticsQuery;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import com.waplatform.gateway.web.Routes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/queue} and {@code GET /v1/analytics/messages}: the caller organization's
 * queue per business number and its message analytics. Always scoped to the API key's
 * organization; parameters that cannot be read are a 400 naming them.
 */
@RestController
class StatisticsController {

	private final QueueView queue;

	private final AnalyticsQueries analytics;

	private final StatisticsProperties properties;

	private final Clock clock;

	StatisticsController(QueueView queue, AnalyticsQueries analytics, StatisticsProperties properties, Clock clock) {
		this.queue = queue;
		this.analytics = analytics;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(Routes.QUEUE)
	Mono<Queue> queue(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId) {
		return this.queue.queue(organizationId);
	}

	@GetMapping(Routes.MESSAGE_ANALYTICS)
	Mono<Analytics> analytics(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String until,
			@RequestParam(required = false) @Nullable String groupBy) {
		AnalyticsQuery.Result read = AnalyticsQuery.read(since, until, groupBy, this.clock.instant(),
				this.properties.analyticsDefaultRange(), this.properties.analyticsMaxRange());
		if (read.query() == null) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST,
					read.problems()
						.stream()
						.map((problem) -> new FieldViolation(problem.field(), problem.message()))
						.toList()));
		}
		return this.analytics.analytics(organizationId, read.query());
	}

}
