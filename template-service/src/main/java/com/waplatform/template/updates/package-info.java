/**
 * Applies Meta's template webhooks (status, quality, category), routed by the webhook
 * service on {@code wa.template-updates}, to the stored templates.
 */
@NullMarked
package com.waplatform.template.updates;

import org.jspecify.annotations.NullMarked;
