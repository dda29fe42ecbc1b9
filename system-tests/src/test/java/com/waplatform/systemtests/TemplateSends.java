package com.waplatform.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.waplatform.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a valid send of a template from what the gateway's {@code GET
 * /v1/templates/{name}} says about one of its languages: Meta's {@code components}
 * (header format, buttons) and the {@code declaredParameters} (the variables of the
 * header and body). Every variable gets a value, a media or location header its
 * parameter, every button that takes a parameter one (quick-reply payload, dynamic URL
 * suffix, coupon code, one-time code, flow and catalog actions).
 *
 * <p>
 * Two styles, so both halves of our API are used: {@link Style#SHORTHAND} gives the
 * variables as {@code parameters} (a list for positional templates, an object for named
 * ones) and only headers media and buttons as components; {@link Style#COMPONENTS} gives
 * Meta's components alone, with {@code currency} and {@code date_time} body parameters. A
 * template this class cannot build a send for is an {@link IllegalStateException}, never
 * skipped.
 */
final class TemplateSends {

	private TemplateSends() {
	}

	/**
	 * Our API's {@code template} object for {@code version} (name, language, parameters
	 * and/or components); distinct values per {@code seq}.
	 */
	static ObjectNode valid(String name, JsonNode version, Style style, int seq) {
		String language = version.path("language").asString();
		boolean named = "NAMED".equalsIgnoreCase(version.path("declaredParameters").path("parameterFormat").asString());
		boolean authentication = "AUTHENTICATION".equalsIgnoreCase(version.path("category").asString());
		String code = Integer.toString(100_000 + seq);
		ObjectNode template = Json.mapper().createObjectNode();
		template.put("name", name);
		if (style == Style.SHORTHAND) {
			template.put("language", language);
		}
		else {
			template.putObject("language").put("code", language);
		}
		ArrayNode components = Json.mapper().createArrayNode();
		JsonNode header = component(version, "HEADER");
		List<String> headerVariables = declared(version, "HEADER");
		List<String> bodyVariables = declared(version, "BODY");
		ObjectNode shorthand = Json.mapper().createObjectNode();
		List<String> positional = new ArrayList<>();
		if (header != null) {
			String format = header.path("format").asString("TEXT").toUpperCase(Locale.ROOT);
			if (!"TEXT".equals(format)) {
				components.add(parameters("header", mediaParameter(format, seq)));
			}
			else if (!headerVariables.isEmpty()) {
				String variable = headerVariables.get(0);
				String value = "Porto-" + seq;
				if (style == Style.SHORTHAND && named) {
					shorthand.put(variable, value);
				}
				else {
					components.add(parameters("header", text(named ? variable : null, value)));
				}
			}
		}
		ArrayNode body = Json.mapper().createArrayNode();
		for (int i = 0; i < bodyVariables.size(); i++) {
			String variable = bodyVariables.get(i);
			String value = authentication ? code : variable + "-" + seq;
			if (style == Style.SHORTHAND) {
				if (named) {
					shorthand.put(variable, value);
				}
				else {
					positional.add(value);
				}
			}
			else {
				body.add(bodyParameter(i, named ? variable : null, value, authentication, seq));
			}
		}
		if (style == Style.COMPONENTS && !body.isEmpty()) {
			components.add(Json.mapper().createObjectNode().put("type", "body").set("parameters", body));
		}
		JsonNode buttons = component(version, "BUTTONS");
		if (buttons != null) {
			for (int index = 0; index < buttons.path("buttons").size(); index++) {
				ObjectNode button = button(buttons.path("buttons").get(index), index, code, seq);
				if (button != null) {
					components.add(button);
				}
			}
		}
		if (style == Style.SHORTHAND && named && !shorthand.isEmpty()) {
			template.set("parameters", shorthand);
		}
		else if (style == Style.SHORTHAND && !positional.isEmpty()) {
			ArrayNode list = template.putArray("parameters");
			positional.forEach(list::add);
		}
		if (!components.isEmpty()) {
			template.set("components", components);
		}
		return template;
	}

	/** The preview body of a send: its {@code parameters} and {@code components}. */
	static ObjectNode previewBody(ObjectNode template) {
		ObjectNode body = Json.mapper().createObjectNode();
		if (template.has("parameters")) {
			body.set("parameters", template.get("parameters"));
		}
		if (template.has("components")) {
			body.set("components", template.get("components"));
		}
		return body;
	}

	private static ObjectNode bodyParameter(int index, String parameterName, String value, boolean authentication,
			int seq) {
		ObjectNode parameter;
		if (!authentication && index % 4 == 2) {
			parameter = Json.mapper().createObjectNode().put("type", "currency");
			parameter.putObject("currency")
				.put("fallback_value", "€" + (10 + seq) + ".50")
				.put("code", "EUR")
				.put("amount_1000", (10 + seq) * 1000L + 500);
		}
		else if (!authentication && index % 4 == 3) {
			parameter = Json.mapper().createObjectNode().put("type", "date_time");
			parameter.putObject("date_time").put("fallback_value", "June " + (1 + seq % 28) + ", 2027");
		}
		else {
			return text(parameterName, value);
		}
		if (parameterName != null) {
			parameter.put("parameter_name", parameterName);
		}
		return parameter;
	}

	private static ObjectNode mediaParameter(String format, int seq) {
		ObjectNode parameter = Json.mapper().createObjectNode();
		String type = format.toLowerCase(Locale.ROOT);
		parameter.put("type", type);
		switch (format) {
			case "IMAGE", "VIDEO" -> {
				ObjectNode media = parameter.putObject(type);
				if (seq % 2 == 0) {
					media.put("link",
							"https://cdn.example.com/" + type + "/" + seq + ((seq % 4 == 0) ? ".jpg" : ".mp4"));
				}
				else {
					media.put("id", "90" + seq);
				}
			}
			case "DOCUMENT" -> parameter.putObject("document")
				.put("link", "https://cdn.example.com/docs/" + seq + ".pdf")
				.put("filename", "itinerary-" + seq + ".pdf");
			case "LOCATION" -> parameter.putObject("location")
				.put("latitude", "38.7078")
				.put("longitude", "-9.1365")
				.put("name", "Praça do Comércio " + seq)
				.put("address", "1100-148 Lisboa");
			default -> throw new IllegalStateException("no valid send known for a " + format + " header");
		}
		return parameter;
	}

	private static ObjectNode button(JsonNode button, int index, String code, int seq) {
		String type = button.path("type").asString().toUpperCase(Locale.ROOT);
		return switch (type) {
			case "QUICK_REPLY" -> (index % 2 == 0) ? button(index, "quick_reply",
					Json.mapper()
						.createObjectNode()
						.put("type", "payload")
						.put("payload", "reply-" + index + "-" + seq))
					: null;
			case "URL" ->
				button.path("url").asString().contains("{{") ? button(index, "url", text(null, "BK-" + seq)) : null;
			case "PHONE_NUMBER" -> null;
			case "COPY_CODE" -> button(index, "copy_code",
					Json.mapper().createObjectNode().put("type", "coupon_code").put("coupon_code", "SAVE" + seq));
			case "OTP" -> button(index, "url", text(null, code));
			case "FLOW" -> {
				ObjectNode parameter = Json.mapper().createObjectNode().put("type", "action");
				parameter.putObject("action").put("flow_token", "flow-" + seq);
				yield button(index, "flow", parameter);
			}
			case "CATALOG" -> {
				ObjectNode parameter = Json.mapper().createObjectNode().put("type", "action");
				parameter.putObject("action").put("thumbnail_product_retailer_id", "sku-" + seq);
				yield button(index, "catalog", parameter);
			}
			default -> throw new IllegalStateException("no valid send known for a " + type + " button");
		};
	}

	private static ObjectNode button(int index, String subType, ObjectNode parameter) {
		ObjectNode component = parameters("button", parameter);
		component.put("sub_type", subType);
		component.put("index", Integer.toString(index));
		return component;
	}

	private static ObjectNode parameters(String type, ObjectNode parameter) {
		ObjectNode component = Json.mapper().createObjectNode().put("type", type);
		component.putArray("parameters").add(parameter);
		return component;
	}

	private static ObjectNode text(String parameterName, String value) {
		ObjectNode parameter = Json.mapper().createObjectNode().put("type", "text");
		if (parameterName != null) {
			parameter.put("parameter_name", parameterName);
		}
		return parameter.put("text", value);
	}

	private static JsonNode component(JsonNode version, String type) {
		for (JsonNode component : version.path("components")) {
			if (type.equalsIgnoreCase(component.path("type").asString())) {
				return component;
			}
		}
		return null;
	}

	/** The declared variable names of the template's header or body. */
	private static List<String> declared(JsonNode version, String component) {
		List<String> names = new ArrayList<>();
		for (JsonNode declared : version.path("declaredParameters").path("components")) {
			if (component.equals(declared.path("component").asString())) {
				declared.path("parameters").forEach((name) -> names.add(name.asString()));
			}
		}
		return names;
	}

	/** How the variables are given. */
	enum Style {

		/** {@code parameters} (list or object) plus components for media and buttons. */
		SHORTHAND,

		/** Meta's components only, with currency and date_time body parameters. */
		COMPONENTS

	}

}
