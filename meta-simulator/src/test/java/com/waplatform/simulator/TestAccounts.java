package com.waplatform.simulator;

/** The accounts of {@code meta-simulator-test.yml}. */
public final class TestAccounts {

	public static final String WABA_ID = "300000000000001";

	public static final String PHONE_NUMBER_ID = "300000000000011";

	public static final String TOKEN = "test-token-1";

	public static final String OTHER_WABA_ID = "300000000000002";

	public static final String OTHER_PHONE_NUMBER_ID = "300000000000022";

	public static final String OTHER_TOKEN = "test-token-2";

	/** Configured as not a WhatsApp user. */
	public static final String UNDELIVERABLE = "+16505550000";

	private TestAccounts() {
	}

	public static String messagesPath() {
		return "/v23.0/" + PHONE_NUMBER_ID + "/messages";
	}

}
