package com.waplatform.gateway.templates;

import java.time.Duration;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.common.template.TemplateCatalog;
import com.waplatform.common.template.TemplateCategories;
import com.waplatform.common.template.TemplateCheck;
import com.waplatform.common.template.TemplateDecision;
import com.waplatform.common.template.TemplateResolution;
import com.waplatform.gateway.templates.OrganizationFallbacks.TemplatePolicy;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.templates.TemplateDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Checks a template send (or preview) against this instance's view of the account's
 * templates ({@link TemplateDirectory}, fed by {@code wa.template-sync}) and the
 * organization's language fallbacks. A refused send is a 422 problem naming every
 * offending parameter; a send of a MARKETING template while the organization's settings
 * disable marketing is a 422 {@code marketing-disabled}. While no template of the account
 * has reached this instance (just after a start, or an account template-service has not
 * synced yet) the answer is a 503 with {@code Retry-After}: "unknown template" is said
 * only when the templates are known.
 */
@Component
public class TemplateGuard {

	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	/** Meta's category of promotional templates. */
	private final TemplateDirectory directory;

	private final OrganizationFallbacks policies;

	private final MeterRegistry meters;

	TemplateGuard(TemplateDirectory directory, OrganizationFallbacks policies, MeterRegistry meters) {
		this.directory = directory;
		this.policies = policies;
		this.meters = meters;
	}

	/**
	 * The checked preview, or a 422 (refused) or 503 (templates not synced) problem. The
	 * organization's settings do not matter to a preview.
	 */
	public Mono<TemplateDecision.Sendable> check(String organizationId, String wabaId, MetaMessage.Template requested,
			TemplateArguments arguments) {
		return check(organizationId, wabaId, requested, arguments, false);
	}

	/**
	 * The checked send, or a 422 (refused, or a MARKETING template while the
	 * organization's settings disable marketing) or 503 (templates not synced) problem.
	 */
	public Mono<TemplateDecision.Sendable> checkSend(String organizationId, String wabaId,
			MetaMessage.Template requested, TemplateArguments arguments) {
		return check(organizationId, wabaId, requested, arguments, true);
	}

	private Mono<TemplateDecision.Sendable> check(String organizationId, String wabaId, MetaMessage.Template requested,
			TemplateArguments arguments, boolean send) {
		if (!this.directory.loaded(wabaId)) {
			count("not-synced");
			return Mono.error(Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "templates-not-synced",
					"Templates not synced yet", "The templates of WhatsApp Business Account " + wabaId
							+ " have not reached the gateway yet; retry shortly",
					RETRY_AFTER));
		}
		return this.policies.policy(organizationId).flatMap((policy) -> {
			TemplateCatalog catalog = this.directory.catalog(wabaId);
			if (send && !policy.marketingEnabled()) {
				MessageTemplate marketing = marketingTemplate(catalog, requested, policy);
				if (marketing != null) {
					count("marketing-disabled");
					return Mono.error(marketingDisabled(marketing));
				}
			}
			TemplateDecision decision = TemplateCheck.check(catalog, requested, arguments, policy.languageFallbacks());
			if (decision instanceof TemplateDecision.Refused refused) {
				count("refused");
				return Mono.error(Problems.templateViolations(refused.violations()));
			}
			TemplateDecision.Sendable sendable = (TemplateDecision.Sendable) decision;
			count((sendable.languageFallback() != null) ? "fallback" : "sendable");
			return Mono.just(sendable);
		});
	}

	/**
	 * The template the request resolves to when it is a MARKETING one: refused before its
	 * parameters are looked at, since no parameters would make it sendable.
	 */
	private static @Nullable MessageTemplate marketingTemplate(TemplateCatalog catalog, MetaMessage.Template requested,
			TemplatePolicy policy) {
		TemplateResolution resolution = catalog.resolve(requested.name(), requested.language().code(),
				policy.languageFallbacks());
		if (resolution instanceof TemplateResolution.Found found && TemplateCategories.isMarketing(found.template())) {
			return found.template();
		}
		return null;
	}

	private static ErrorResponseException marketingDisabled(MessageTemplate template) {
		return Problems.exception(HttpStatus.UNPROCESSABLE_CONTENT, "marketing-disabled", "Marketing disabled",
				"Template '" + template.name() + "' (" + template.language()
						+ ") is a MARKETING template, and this organization's settings disable marketing messages "
						+ "(marketingEnabled: false); send a UTILITY or AUTHENTICATION template, or ask the operator "
						+ "to enable marketing");
	}

	private void count(String outcome) {
		this.meters.counter("gateway.templates.checks", "outcome", outcome).increment();
	}

}
