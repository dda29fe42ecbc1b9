package com.waplatform.common.webhook;

import com.waplatform.common.event.Event;

/** Values of {@code wa.webhook-events}. */
public sealed interface WebhookEvent extends Event permits WebhookReceived {

}
