package com.waplatform.simulator.ledger;

import java.time.Instant;

/**
 * A mark-as-read the simulator accepted: the business told "Meta" it read a customer's
 * message (the customer sees blue ticks).
 *
 * @param sequence order of acceptance, from 1
 * @param phoneNumberId the business number that read it
 * @param messageId the wamid of the customer's message
 * @param typingIndicator whether a typing indicator was asked for too
 * @param receivedAt when it was accepted
 */
public record ReadReceipt(long sequence, String phoneNumberId, String messageId, boolean typingIndicator,
		Instant receivedAt) {

}
