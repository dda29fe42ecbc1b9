package com.waplatform.template.creation;

/**
 * No configured number belongs to the account (or not to the organization that asked).
 */
public class UnknownAccountException extends RuntimeException {

	public UnknownAccountException(String wabaId) {
		super("No WhatsApp Business Account " + wabaId + " is configured");
	}

}
