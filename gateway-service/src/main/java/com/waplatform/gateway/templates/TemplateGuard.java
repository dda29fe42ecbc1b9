package com.waplatform.gateway.templates;

import java.time.Duration;

import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.common.template.TemplateCheck;
import com.waplatform.common.template.TemplateDecision;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.templates.TemplateDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a template send (or preview) against this instance's view of the account's
 * templates ({@link TemplateDirectory}, fed by {@code wa.template-sync}) and the
 * organization's language fallbacks. A refused send is a 422 problem naming every
 * offending parameter. While no template of the account has reached this instance (just
 * after a start, or an account template-service has not synced yet) the answer is a 503
 * with {@code Retry-After}: "unknown template" is said only when the templates are known.
 */
@Component
public class TemplateGuard {

	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final TemplateDirectory directory;

	private final OrganizationFallbacks fallbacks;

	private final MeterRegistry meters;

	TemplateGuard(TemplateDirectory directory, OrganizationFallbacks fallbacks, MeterRegistry meters) {
		this.directory = directory;
		this.fallbacks = fallbacks;
		this.meters = meters;
	}

	/** The checked send, or a 422 (refused) or 503 (templates not synced) problem. */
	public Mono<TemplateDecision.Sendable> check(String organizationId, String wabaId, MetaMessage.Template requested,
			TemplateArguments arguments) {
		if (!this.directory.loaded(wabaId)) {
			count("not-synced");
			return Mono.error(Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "templates-not-synced",
					"Templates not synced yet", "The templates of WhatsApp Business Account " + wabaId
							+ " have not reached the gateway yet; retry shortly",
					RETRY_AFTER));
		}
		return this.fallbacks.of(organizationId).flatMap((languageFallbacks) -> {
			TemplateDecision decision = TemplateCheck.check(this.directory.catalog(wabaId), requested, arguments,
					languageFallbacks);
			if (decision instanceof TemplateDecision.Refused refused) {
				count("refused");
				return Mono.error(Problems.templateViolations(refused.violations()));
			}
			TemplateDecision.Sendable sendable = (TemplateDecision.Sendable) decision;
			count((sendable.languageFallback() != null) ? "fallback" : "sendable");
			return Mono.just(sendable);
		});
	}

	private void count(String outcome) {
		this.meters.counter("gateway.templates.checks", "outcome", outcome).increment();
	}

}
