package com.waplatform.common.message;

/**
 * Transactional messages (confirmations, reminders) are sent before bulk on the same
 * number.
 */
public enum Priority {

	TRANSACTIONAL, BULK

}
