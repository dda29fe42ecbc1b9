package com.waplatform.gateway.messages.domain;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The time-to-live of a message whose request sets none: Meta's default for its kind.
 * Meta keeps trying to deliver a message for a while, then drops it; an authentication
 * template (a one-time code) is worthless after 10 minutes, utility and marketing
 * templates and free-form messages are kept 30 days. A request's own {@code ttl} always
 * wins; a template of a category Meta does not name (or none) takes the utility default.
 *
 * @param authentication default of AUTHENTICATION templates (Meta: 10 minutes)
 * @param utility default of UTILITY templates, and of templates of an unknown category
 * (Meta: 30 days)
 * @param marketing default of MARKETING templates (Meta: 30 days)
 * @param freeForm default of messages that are no template (Meta: 30 days)
 */
public record DefaultTtls(Duration authentication, Duration utility, Duration marketing, Duration freeForm) {

	/** Meta's defaults. */
	public static final DefaultTtls META = new DefaultTtls(Duration.ofMinutes(10), Duration.ofDays(30),
			Duration.ofDays(30), Duration.ofDays(30));

	/**
	 * The time-to-live of a message.
	 * @param requested the request's {@code ttl}, if it set one
	 * @param template whether the message sent is a template
	 * @param category the template's category as Meta lists it (any case), if known
	 */
	public Duration ttl(@Nullable Duration requested, boolean template, @Nullable String category) {
		if (requested != null) {
			return requested;
		}
		if (!template) {
			return this.freeForm;
		}
		String name = (category != null) ? category.toUpperCase(Locale.ROOT) : "";
		return switch (name) {
			case "AUTHENTICATION" -> this.authentication;
			case "MARKETING" -> this.marketing;
			default -> this.utility;
		};
	}

}
