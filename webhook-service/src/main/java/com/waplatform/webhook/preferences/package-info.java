/**
 * Meta's {@code user_preferences} webhook field (marketing stop/resume chosen in
 * WhatsApp), published on {@code wa.inbound-messages}.
 */
@NullMarked
package com.waplatform.webhook.preferences;

import org.jspecify.annotations.NullMarked;
