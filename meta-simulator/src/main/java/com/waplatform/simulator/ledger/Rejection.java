package com.waplatform.simulator.ledger;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A send the simulator refused.
 *
 * @param sequence order among rejections, from 1
 * @param phoneNumberId the phone-number id of the call
 * @param code Meta's error code
 * @param details Meta's {@code error_data.details} or message
 * @param receivedAt when it was refused
 * @param requestJson the request body as received
 */
public record Rejection(long sequence, String phoneNumberId, int code, @Nullable String details, Instant receivedAt,
		String requestJson) {

}
