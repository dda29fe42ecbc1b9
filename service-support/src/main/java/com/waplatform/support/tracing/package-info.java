/**
 * One trace per message: the W3C trace context ({@code traceparent}) captured where a
 * message's work starts, carried through the outbox and Kafka record headers, and
 * continued where a service picks the message up again.
 */
@NullMarked
package com.waplatform.support.tracing;

import org.jspecify.annotations.NullMarked;
