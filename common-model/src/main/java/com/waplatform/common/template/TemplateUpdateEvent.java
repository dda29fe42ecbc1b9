package com.waplatform.common.template;

import com.waplatform.common.event.Event;

/**
 * Values of {@code wa.template-updates}: Meta's template webhooks, routed by the webhook
 * service.
 */
public sealed interface TemplateUpdateEvent extends Event permits TemplateUpdated {

}
