package com.waplatform.gateway.auth;

/**
 * Who is calling: an organization through one of its API keys, or the operator through
 * the admin token. The organization travels to the handlers as an exchange attribute
 * (read with {@code @RequestAttribute(Caller.ORGANIZATION_ID)}), set once the credential
 * was checked.
 */
public sealed interface Caller {

	String ORGANIZATION_ID = "com.waplatform.gateway.organizationId";

	/** The operator (admin token): no organization of its own. */
	Caller ADMIN = new Operator();

	/**
	 * A caller that owns the key it authenticated with.
	 *
	 * @param keyHash the key's SHA-256, which names it for rate limiting without keeping
	 * the clear key
	 */
	record Organization(String organizationId, String keyHash) implements Caller {
	}

	record Operator() implements Caller {
	}

}
