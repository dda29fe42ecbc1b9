package com.waplatform.simulator.graph;

import java.util.Locale;

/**
 * The Graph API errors the simulator answers, with Meta's codes, titles and HTTP statuses
 * (see META-API.md §b).
 */
public final class GraphErrors {

	private static final String OAUTH = "OAuthException";

	private GraphErrors() {
	}

	/** A WhatsApp messaging error: message {@code (#code) title} plus details. */
	public static GraphException whatsapp(int httpStatus, int code, String title, String details) {
		return new GraphException(httpStatus, code, null, OAUTH, "(#" + code + ") " + title, details, true);
	}

	public static GraphException invalidParameter(String details) {
		return whatsapp(400, 100, "Invalid parameter", details);
	}

	public static GraphException missingParameter(String details) {
		return whatsapp(400, 131008, "Required parameter is missing", details);
	}

	public static GraphException invalidValue(String details) {
		return whatsapp(400, 131009, "Parameter value is not valid", details);
	}

	public static GraphException undeliverable(String details) {
		return whatsapp(400, 131026, "Message undeliverable", details);
	}

	public static GraphException parameterCountMismatch(String details) {
		return whatsapp(400, 132000, "Number of parameters does not match the expected number of params", details);
	}

	public static GraphException templateNotFound(String details) {
		return whatsapp(404, 132001, "Template name does not exist in the translation", details);
	}

	public static GraphException missingToken() {
		return new GraphException(401, 190, null, OAUTH,
				"An active access token must be used to query information about the current user.", null, false);
	}

	public static GraphException invalidToken() {
		return new GraphException(401, 190, 460, OAUTH,
				"Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
				null, false);
	}

	/** Unknown object id (or no permission on it): code 100, subcode 33. */
	public static GraphException objectNotFound(String httpMethod, String id) {
		return new GraphException(400, 100, 33, "GraphMethodException", "Unsupported "
				+ httpMethod.toLowerCase(Locale.ROOT) + " request. Object with ID '" + id
				+ "' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
				null, false);
	}

}
