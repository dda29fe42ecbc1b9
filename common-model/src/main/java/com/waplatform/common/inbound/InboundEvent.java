package com.waplatform.common.inbound;

import com.waplatform.common.event.Event;

/** Values of {@code wa.inbound-messages}. */
public sealed interface InboundEvent extends Event permits InboundMessage, UserPreference {

}
