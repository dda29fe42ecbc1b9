package com.waplatform.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event carries. The type name and schema version travel in CloudEvents
 * headers ({@link EventHeaders}), never as Java class names.
 */
public interface Event {

	UUID eventId();

	Instant occurredAt();

	String organizationId();

	/** The record key: the id of the entity whose order matters on this topic. */
	String key();

	/** Stable logical type name, e.g. {@code message.status}. */
	default String eventType() {
		return EventTypes.typeOf(getClass());
	}

	default int schemaVersion() {
		return 1;
	}

}
