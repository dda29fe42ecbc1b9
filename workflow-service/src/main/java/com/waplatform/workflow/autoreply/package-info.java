/**
 * Auto-replies: an organization's keyword rules and out-of-hours reply answer customers
 * who write to it ({@code wa.inbound-messages}), once per customer per rule per 24 hours,
 * never to suppressed customers and never to a reply to an auto-reply.
 */
@NullMarked
package com.waplatform.workflow.autoreply;

import org.jspecify.annotations.NullMarked;
