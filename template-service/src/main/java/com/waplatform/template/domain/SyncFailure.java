package com.waplatform.template.domain;

/**
 * A WhatsApp Business Account whose sync failed.
 *
 * @param code Meta's {@code error.code} when Meta answered with one, else
 * {@code THROTTLED} (backing off before Meta's limits), {@code NO_GRAPH_ANSWER} (network,
 * timeout, unreadable answer), {@code CREDENTIAL_UNUSABLE} or {@code DATABASE}
 */
public record SyncFailure(String wabaId, String code, String message) {

	public static final String THROTTLED = "THROTTLED";

	public static final String NO_GRAPH_ANSWER = "NO_GRAPH_ANSWER";

	public static final String CREDENTIAL_UNUSABLE = "CREDENTIAL_UNUSABLE";

	public static final String DATABASE = "DATABASE";

}
