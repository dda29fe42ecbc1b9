package com.waplatform.common.message;

import com.waplatform.common.event.Event;

/** Values of {@code wa.send-requests}. */
public sealed interface SendRequestEvent extends Event permits SendRequest {

}
