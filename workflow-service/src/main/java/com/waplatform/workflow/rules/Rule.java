package com.waplatform.workflow.rules;

import java.util.List;

import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.message.SendRequest;

/**
 * What to send when a business event of a type happens. Rules are beans, hard-wired for
 * now; they become configurable per organization later.
 */
public interface Rule {

	/** The business event type this rule reacts to, e.g. {@code booking.confirmed}. */
	String eventType();

	/** A stable name, recorded with every message the rule triggers. */
	String name();

	/**
	 * The messages to send for {@code event}. Throws {@link IllegalArgumentException}
	 * when the event can never become a message (invalid data) and
	 * {@link IllegalStateException} when it cannot yet (no business number configured).
	 */
	List<SendRequest> apply(BusinessEvent event);

}
