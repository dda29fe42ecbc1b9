package com.waplatform.gateway.messages.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.waplatform.common.meta.MetaMessage.Location;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Location, contacts and the interactive {@code cta_url} message, checked as Meta checks
 * them (Cloud API "Send messages" reference), so that the caller hears at once, with the
 * field named, what Meta would answer with a 131008/131009 later: a wrong JSON type is
 * malformed (400), a value Meta refuses is invalid (422).
 */
final class RichMessageObjects {

	static final int MAX_INTERACTIVE_BODY = 1024;

	static final int MAX_INTERACTIVE_HEADER_FOOTER = 60;

	static final int MAX_CTA_DISPLAY_TEXT = 20;

	/** The arrays of a contact object, each a list of objects in Meta's format. */
	private static final List<String> CONTACT_ARRAYS = List.of("addresses", "emails", "phones", "urls");

	private RichMessageObjects() {
	}

	/**
	 * {@code {"latitude", "longitude", "name"?, "address"?}}; the coordinates as JSON
	 * numbers or decimal strings (Meta's examples use both), sent as decimal strings.
	 */
	static @Nullable Location location(JsonNode node, Issues issues) {
		String latitude = coordinate(node, "latitude", 90, issues);
		String longitude = coordinate(node, "longitude", 180, issues);
		String name = issues.string(node, "name", "location.name");
		String address = issues.string(node, "address", "location.address");
		return (latitude != null && longitude != null) ? new Location(latitude, longitude, name, address) : null;
	}

	private static @Nullable String coordinate(JsonNode parent, String name, int bound, Issues issues) {
		String path = "location." + name;
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			issues.invalid(path, "is required, in decimal degrees");
			return null;
		}
		if (!node.isNumber() && !node.isString()) {
			issues.malformed(path, "must be a number of decimal degrees");
			return null;
		}
		BigDecimal degrees;
		try {
			degrees = node.isNumber() ? node.decimalValue() : new BigDecimal(node.stringValue().strip());
		}
		catch (NumberFormatException ex) {
			issues.invalid(path, "must be a number of decimal degrees, e.g. 37.4847");
			return null;
		}
		if (degrees.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
			issues.invalid(path, "must be between -" + bound + " and " + bound);
			return null;
		}
		return degrees.toPlainString();
	}

	/**
	 * Meta's contact objects, kept as given once they are shaped as Meta requires: an
	 * array of at least one object, each with {@code name.formatted_name}; its
	 * {@code addresses}, {@code emails}, {@code phones} and {@code urls} arrays of
	 * objects; {@code birthday} as {@code YYYY-MM-DD}.
	 */
	static @Nullable List<JsonNode> contacts(JsonNode node, Issues issues) {
		if (!node.isArray()) {
			issues.malformed("contacts", "must be an array of contact objects");
			return null;
		}
		if (node.isEmpty()) {
			issues.invalid("contacts", "must hold at least one contact");
			return null;
		}
		List<JsonNode> contacts = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode contact = node.get(i);
			String path = "contacts[" + i + "]";
			if (!contact.isObject()) {
				issues.malformed(path, "must be a contact object");
				continue;
			}
			JsonNode name = issues.object(contact, "name", path + ".name");
			if (contact.get("name") == null || contact.get("name").isNull()) {
				issues.invalid(path + ".name", "is required, with formatted_name");
			}
			else if (name != null) {
				issues.requiredString(name, "formatted_name", path + ".name.formatted_name");
			}
			for (String array : CONTACT_ARRAYS) {
				objects(contact, array, path + "." + array, issues);
			}
			issues.object(contact, "org", path + ".org");
			String birthday = issues.string(contact, "birthday", path + ".birthday");
			if (birthday != null && !isDate(birthday)) {
				issues.invalid(path + ".birthday", "must be a date as YYYY-MM-DD");
			}
			contacts.add(contact);
		}
		return contacts;
	}

	private static void objects(JsonNode parent, String name, String path, Issues issues) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return;
		}
		if (!node.isArray()) {
			issues.malformed(path, "must be an array of objects");
			return;
		}
		for (int i = 0; i < node.size(); i++) {
			if (!node.get(i).isObject()) {
				issues.malformed(path + "[" + i + "]", "must be an object");
			}
		}
	}

	private static boolean isDate(String text) {
		try {
			LocalDate.parse(text);
			return text.length() == 10;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * What every interactive message shares: a body of at most 1024 characters, a text
	 * header and a footer of at most 60. A {@code cta_url} also needs its body, the
	 * action's name {@code cta_url} and its {@code parameters}: a {@code display_text} of
	 * at most 20 characters and an absolute http(s) {@code url}.
	 */
	static void interactive(JsonNode node, @Nullable String type, Issues issues) {
		JsonNode body = issues.object(node, "body", "interactive.body");
		String bodyText = (body != null) ? issues.string(body, "text", "interactive.body.text") : null;
		maxLength("interactive.body.text", bodyText, MAX_INTERACTIVE_BODY, issues);
		JsonNode header = issues.object(node, "header", "interactive.header");
		if (header != null) {
			maxLength("interactive.header.text", issues.string(header, "text", "interactive.header.text"),
					MAX_INTERACTIVE_HEADER_FOOTER, issues);
		}
		JsonNode footer = issues.object(node, "footer", "interactive.footer");
		if (footer != null) {
			maxLength("interactive.footer.text", issues.string(footer, "text", "interactive.footer.text"),
					MAX_INTERACTIVE_HEADER_FOOTER, issues);
		}
		if ("cta_url".equals(type)) {
			if (bodyText == null || bodyText.isBlank()) {
				issues.invalid("interactive.body.text", "is required for a cta_url message");
			}
			ctaUrlAction(node.get("action"), issues);
		}
	}

	private static void ctaUrlAction(@Nullable JsonNode action, Issues issues) {
		if (action == null || !action.isObject()) {
			// reported by the caller: interactive.action is required
			return;
		}
		String name = issues.string(action, "name", "interactive.action.name");
		if (!"cta_url".equals(name)) {
			issues.invalid("interactive.action.name", "must be cta_url");
		}
		JsonNode parameters = issues.object(action, "parameters", "interactive.action.parameters");
		if (parameters == null) {
			if (!action.has("parameters") || action.get("parameters").isNull()) {
				issues.invalid("interactive.action.parameters", "is required: {\"display_text\", \"url\"}");
			}
			return;
		}
		String displayText = issues.requiredString(parameters, "display_text",
				"interactive.action.parameters.display_text");
		maxLength("interactive.action.parameters.display_text", displayText, MAX_CTA_DISPLAY_TEXT, issues);
		String url = issues.requiredString(parameters, "url", "interactive.action.parameters.url");
		if (url != null && !isWebUrl(url)) {
			issues.invalid("interactive.action.parameters.url", "must be an absolute http(s) URL");
		}
	}

	private static boolean isWebUrl(String text) {
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static void maxLength(String path, @Nullable String text, int max, Issues issues) {
		if (text != null && text.codePointCount(0, text.length()) > max) {
			issues.invalid(path, "must be at most " + max + " characters");
		}
	}

}
