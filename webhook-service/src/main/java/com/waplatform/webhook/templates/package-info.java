/**
 * Meta's template webhooks ({@code message_template_status_update},
 * {@code message_template_quality_update}, {@code template_category_update},
 * {@code message_template_components_update}), forwarded to the template service on
 * {@code wa.template-updates}.
 */
@NullMarked
package com.waplatform.webhook.templates;

import org.jspecify.annotations.NullMarked;
