package com.waplatform.sender.domain;

import org.jspecify.annotations.Nullable;

/**
 * Whether a send request may use the business number it names: an organization sends only
 * from its own numbers, whoever produced the request (the gateway's API, the workflow
 * service, a replay). The account directory ({@code wa.accounts}) says whose a number is.
 */
public enum NumberOwnership {

	/** The directory knows the number as one of the request's organization. */
	OWN,

	/**
	 * The directory does not know the number: not yet (just after a start it may not have
	 * read {@code wa.accounts} to its end, or the number is being configured), or never.
	 * The sender waits for it, up to {@code unknown-number-timeout}.
	 */
	UNKNOWN,

	/**
	 * The directory knows the number as another organization's: the request is refused at
	 * once, without waiting and without calling Meta.
	 */
	FOREIGN;

	/**
	 * @param organizationId the organization of the request
	 * @param ownerOrganizationId the organization the directory configured the number
	 * for, null when it does not know the number
	 */
	public static NumberOwnership of(String organizationId, @Nullable String ownerOrganizationId) {
		if (ownerOrganizationId == null) {
			return UNKNOWN;
		}
		return ownerOrganizationId.equals(organizationId) ? OWN : FOREIGN;
	}

}
