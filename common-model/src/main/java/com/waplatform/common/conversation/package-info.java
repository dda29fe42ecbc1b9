/**
 * Conversation rules shared by the services that talk to customers: the 24-hour customer
 * service window, opt-out and opt-in keywords, suppression events and an organization's
 * conversation settings (fallback template, auto-replies, business hours).
 */
@NullMarked
package com.waplatform.common.conversation;

import org.jspecify.annotations.NullMarked;
