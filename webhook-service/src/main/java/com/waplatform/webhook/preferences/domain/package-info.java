/**
 * Meta's {@code user_preferences} webhook as {@code UserPreference} events,
 * framework-free.
 */
@NullMarked
package com.waplatform.webhook.preferences.domain;

import org.jspecify.annotations.NullMarked;
