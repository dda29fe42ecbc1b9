/**
 * Conversations: every inbound message of {@code wa.inbound-messages} stored per
 * organization with its typed content, a conversation per business number and customer
 * (the 24-hour service window, unread count, profile name), the conversations API, the
 * window check of free-form sends, and the opt-out keywords and {@code user_preferences}
 * that feed the suppression list.
 */
@NullMarked
package com.waplatform.gateway.conversations;

import org.jspecify.annotations.NullMarked;
