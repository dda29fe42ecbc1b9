package com.waplatform.common.account;

import com.waplatform.common.event.Event;

/** Values of {@code wa.accounts}. */
public sealed interface AccountEvent extends Event
		permits PhoneNumberConfigured, OrganizationSettings, NumberHealth, SendingState {

}
