package com.waplatform.common.kafka;

import java.time.Duration;
import java.util.List;

import com.waplatform.common.account.AccountEvent;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.common.inbound.InboundEvent;
import com.waplatform.common.message.SendRequestEvent;
import com.waplatform.common.message.MessageStatusEvent;
import com.waplatform.common.template.TemplateSyncEvent;
import com.waplatform.common.template.TemplateUpdateEvent;
import com.waplatform.common.webhook.WebhookEvent;

/**
 * Every topic of the platform. Keys are chosen so that the records whose order matters
 * share a partition; each topic's comment says its key and why (the README's
 * "Architecture" diagram shows who produces and consumes each topic).
 */
public final class Topics {

	/** Keyed by business phone-number id: one sender instance owns a number's limits. */
	public static final Topic<SendRequestEvent> SEND_REQUESTS = new Topic<>("wa.send-requests", "phone-number id",
			SendRequestEvent.class, 12, Duration.ofDays(7), false);

	/** Keyed by message id: per-message order. */
	public static final Topic<MessageStatusEvent> STATUS_EVENTS = new Topic<>("wa.status-events", "message id",
			MessageStatusEvent.class, 12, Duration.ofDays(7), false);

	/**
	 * Messages held until a later time by workflow rules, announced when they are
	 * scheduled (the {@code SendRequest} with its {@code scheduledFor}) so that the read
	 * model shows them {@code scheduled}; keyed like their send requests, by business
	 * phone-number id. Their send requests go to {@code wa.send-requests} when due; a
	 * cancellation is a status event.
	 */
	public static final Topic<SendRequestEvent> SCHEDULED_MESSAGES = new Topic<>("wa.scheduled-messages", "message id",
			SendRequestEvent.class, 6, Duration.ofDays(7), false);

	/**
	 * Keyed by {wabaId}:{name}:{language}; compacted so a new instance rebuilds its
	 * cache.
	 */
	public static final Topic<TemplateSyncEvent> TEMPLATE_SYNC = new Topic<>("wa.template-sync",
			"{wabaId}:{name}:{language}", TemplateSyncEvent.class, 3, Duration.ofDays(-1), true);

	/**
	 * Meta's template webhooks (status, quality, category), routed by the webhook service
	 * to the template service; keyed like {@code wa.template-sync}.
	 */
	public static final Topic<TemplateUpdateEvent> TEMPLATE_UPDATES = new Topic<>("wa.template-updates",
			"{wabaId}:{name}:{language}", TemplateUpdateEvent.class, 3, Duration.ofDays(7), false);

	/** Keyed by WABA id; kept at least 7 days so webhooks can be replayed. */
	public static final Topic<WebhookEvent> WEBHOOK_EVENTS = new Topic<>("wa.webhook-events", "WABA id",
			WebhookEvent.class, 6, Duration.ofDays(7), false);

	/** Keyed by {phoneNumberId}:{customer}. */
	public static final Topic<InboundEvent> INBOUND_MESSAGES = new Topic<>("wa.inbound-messages",
			"{phoneNumberId}:{customer}", InboundEvent.class, 6, Duration.ofDays(7), false);

	/** CloudEvents in binary mode, keyed by aggregate id (booking id, ...). */
	public static final Topic<BusinessEvent> BUSINESS_EVENTS = new Topic<>("wa.business-events", "aggregate id",
			BusinessEvent.class, 6, Duration.ofDays(7), false);

	/**
	 * Organization phone-number configuration (credentials encrypted), keyed by
	 * phone-number id, and organization settings, keyed {@code organization:{id}};
	 * compacted so every service can rebuild the account directory.
	 */
	public static final Topic<AccountEvent> ACCOUNTS = new Topic<>("wa.accounts", "phone-number id | organization:{id}",
			AccountEvent.class, 1, Duration.ofDays(-1), true);

	/**
	 * Organizations' suppression lists (opt-outs), keyed
	 * {@code {organizationId}:{customer}}; compacted: the last value per customer is the
	 * state, and a new instance rebuilds the list from it.
	 */
	public static final Topic<SuppressionChanged> SUPPRESSIONS = new Topic<>("wa.suppressions",
			"{organizationId}:{customer}", SuppressionChanged.class, 3, Duration.ofDays(-1), true);

	public static final List<Topic<?>> ALL = List.of(SEND_REQUESTS, SCHEDULED_MESSAGES, STATUS_EVENTS, TEMPLATE_SYNC,
			TEMPLATE_UPDATES, WEBHOOK_EVENTS, INBOUND_MESSAGES, BUSINESS_EVENTS, ACCOUNTS, SUPPRESSIONS);

	private Topics() {
	}

}
