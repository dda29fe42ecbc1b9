package com.waplatform.webhook.routing;

import reactor.core.publisher.Mono;

/**
 * Handles the webhook changes of one {@code field} ({@code messages},
 * {@code message_template_status_update}, ...). A new field is supported by adding a bean
 * implementing this interface; {@link ChangeRouter} finds it by its field.
 */
public interface ChangeHandler {

	/** The webhook field this handler is for. */
	String field();

	/**
	 * Applies one change. Runs inside the transaction that records the webhook event as
	 * processed, so state writes and outbox appends commit together.
	 */
	Mono<Void> handle(RoutedChange change);

}
