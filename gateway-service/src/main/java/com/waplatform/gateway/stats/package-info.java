/**
 * Statistics of an organization's sending: the queue per business number
 * ({@code GET /v1/queue}) and message analytics ({@code GET /v1/analytics/messages}),
 * read from the message read model with grouped SQL, and the send requests the sender
 * dead-lettered.
 */
@NullMarked
package com.waplatform.gateway.stats;

import org.jspecify.annotations.NullMarked;
