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

	/** A WhatsApp messaging error with an {@code error_subcode}. */
	public static GraphException whatsapp(int httpStatus, int code, int subcode, String title, String details) {
		return new GraphException(httpStatus, code, subcode, OAUTH, "(#" + code + ") " + title, details, true);
	}

	/** A Graph (not WhatsApp-specific) error: no {@code error_data}. */
	public static GraphException graph(int httpStatus, int code, String message) {
		return new GraphException(httpStatus, code, null, OAUTH, message, null, false);
	}

	/** 130429: the number's messages-per-second throughput is used up. */
	public static GraphException throughputReached(int httpStatus) {
		return whatsapp(httpStatus, 130429, 2494055, "Rate limit hit",
				"Cloud API message throughput has been reached.");
	}

	/** 131056: too many messages to one recipient in a short time. */
	public static GraphException pairRateLimit() {
		return whatsapp(400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
				"Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.");
	}

	/** 131047: a free-form message outside the 24-hour customer-service window. */
	public static GraphException reEngagement() {
		return whatsapp(400, 131047, "Re-engagement message",
				"More than 24 hours have passed since the recipient last replied to the sender number.");
	}

	public static GraphException templatePaused(String details) {
		return whatsapp(400, 132015, "Template is paused", details);
	}

	public static GraphException templateDisabled(String details) {
		return whatsapp(400, 132016, "Template has been disabled", details);
	}

	/** 132005: the template's text is too long once its parameters are filled in. */
	public static GraphException hydratedTextTooLong(String details) {
		return whatsapp(400, 132005, "Translated text too long", details);
	}

	public static GraphException parameterFormatMismatch(String details) {
		return whatsapp(400, 132012, "Parameter format does not match format in the created template", details);
	}

	/** 80007: the WABA's management call quota is used up. */
	public static GraphException wabaRateLimit() {
		return new GraphException(400, 80007, null, OAUTH,
				"(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
				null, false);
	}

	/** 190 / subcode 463: the access token expired. */
	public static GraphException expiredToken() {
		return new GraphException(401, 190, 463, OAUTH,
				"Error validating access token: Session has expired. The current time is later than the session's expiry time.",
				null, false);
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

	/**
	 * 131053 Media upload error (META-API.md §b: "Media download / upload error", 400):
	 * an unusable upload, or a send naming a media id the simulator does not hold.
	 */
	public static GraphException mediaUploadError(String details) {
		return whatsapp(400, 131053, "Media upload error", details);
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

	/**
	 * Meta's error for {@code code} with the HTTP status Meta's table gives it
	 * (META-API.md §b), for fault injection. 131016 answers 503 (the table says 500,
	 * UNCONFIRMED, "maybe 503"; a "service unavailable" is a 503 everywhere else). Codes
	 * not listed answer 400 with a generic WhatsApp envelope.
	 */
	public static GraphException forCode(int code, int throughputHttpStatus) {
		return switch (code) {
			case 1 -> graph(400, 1, "(#1) An unknown error occurred");
			case 2 -> graph(503, 2, "(#2) Service temporarily unavailable");
			case 3 -> graph(500, 3, "(#3) Application does not have the capability to make this API call.");
			case 4 -> graph(400, 4, "(#4) Application request limit reached");
			case 10 -> graph(403, 10, "(#10) Application does not have permission for this action");
			case 190 -> expiredToken();
			case 368 -> graph(403, 368, "(#368) Temporarily blocked for policies violations");
			case 80007 -> wabaRateLimit();
			case 130429 -> throughputReached(throughputHttpStatus);
			case 131000 -> whatsapp(500, 131000, "Something went wrong", "Something went wrong.");
			case 131016 -> whatsapp(503, 131016, "Service unavailable", "A service is temporarily unavailable.");
			case 131026 -> undeliverable("Message Undeliverable.");
			case 131047 -> reEngagement();
			case 131048 -> whatsapp(400, 131048, "Spam rate limit hit",
					"Message failed to send because there are restrictions on how many messages can be sent from this phone number.");
			case 131056 -> pairRateLimit();
			case 131057 ->
				whatsapp(500, 131057, "Account in maintenance mode", "Business Account is in maintenance mode.");
			case 133004 ->
				whatsapp(503, 133004, "Server temporarily unavailable", "Server is temporarily unavailable.");
			default -> whatsapp(400, code, "Injected error", "Error " + code + " injected by the simulator.");
		};
	}

}
