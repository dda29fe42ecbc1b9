package com.waplatform.common.message;

import com.waplatform.common.event.Event;

/** Values of {@code wa.status-events}. */
public sealed interface MessageStatusEvent extends Event permits StatusEvent {

}
