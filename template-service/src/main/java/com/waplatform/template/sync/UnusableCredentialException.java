package com.waplatform.template.sync;

/** The access token of the account's number cannot be opened (wrong credential key?). */
class UnusableCredentialException extends RuntimeException {

	UnusableCredentialException(String phoneNumberId) {
		super("The access token of phone number " + phoneNumberId + " cannot be opened");
	}

}
