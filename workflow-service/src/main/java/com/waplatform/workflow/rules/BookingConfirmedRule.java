package com.waplatform.workflow.rules;

import java.util.List;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.business.BusinessEvent;
import com.waplatform.common.message.SendRequest;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.workflow.rules.domain.BookingConfirmation;

import org.springframework.stereotype.Component;

/**
 * {@code booking.confirmed} → the {@code booking_confirmation} template to the customer,
 * from the number the event names or the organization's default number.
 */
@Component
class BookingConfirmedRule implements Rule {

	private final AccountDirectory accounts;

	BookingConfirmedRule(AccountDirectory accounts) {
		this.accounts = accounts;
	}

	@Override
	public String eventType() {
		return BusinessEvent.BOOKING_CONFIRMED;
	}

	@Override
	public String name() {
		return BookingConfirmation.TEMPLATE;
	}

	@Override
	public List<SendRequest> apply(BusinessEvent event) {
		BookingConfirmation booking = BookingConfirmation.from(event.data());
		String phoneNumberId = (booking.phoneNumberId() != null) ? booking.phoneNumberId()
				: defaultNumber(event.organizationId());
		return List.of(booking.toSendRequest(event, phoneNumberId));
	}

	private String defaultNumber(String organizationId) {
		return this.accounts.defaultNumber(organizationId)
			.map(PhoneNumberConfigured::phoneNumberId)
			.orElseThrow(() -> new IllegalStateException(
					"Organization " + organizationId + " has no business phone number to send from"));
	}

}
