package com.waplatform.gateway.auth;

/**
 * Where the authenticated organization travels: an exchange attribute set by
 * {@link ApiKeyFilter}, read by handlers with {@code @RequestAttribute}.
 */
public final class Caller {

	public static final String ORGANIZATION_ID = "com.waplatform.gateway.organizationId";

	private Caller() {
	}

}
