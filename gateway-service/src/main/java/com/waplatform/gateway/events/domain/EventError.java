package com.waplatform.gateway.events.domain;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a posted event.
 *
 * @param index the event's position in a batch (null for a single event)
 * @param field the CloudEvents attribute ({@code id}, {@code time},
 * {@code organizationid}, {@code data}...)
 */
public record EventError(@Nullable Integer index, String field, String message) {

}
