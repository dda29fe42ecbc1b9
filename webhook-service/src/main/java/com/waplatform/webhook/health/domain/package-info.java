/** Meta's account webhooks as {@code NumberHealth} facts, framework-free. */
@NullMarked
package com.waplatform.webhook.health.domain;

import org.jspecify.annotations.NullMarked;
