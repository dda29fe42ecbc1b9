package com.waplatform.simulator.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.simulator.graph.GraphErrors;
import com.waplatform.simulator.graph.GraphException;
import com.waplatform.simulator.ledger.RenderedMessage;
import com.waplatform.simulator.templates.TemplateSignature.ButtonSlot;
import org.jspecify.annotations.Nullable;

/**
 * Checks a template send against the stored template as Meta does (status 132001, 132015,
 * 132016; 132000 on a count or name mismatch; 132012 on a parameter format mismatch;
 * 132005 when the filled-in header or body is too long) and renders what the customer
 * would see.
 */
public final class TemplateSendCheck {

	/**
	 * Meta's limit of a template body once its parameters are filled in. Limits are in
	 * characters, counted as Unicode code points ({@link #length}): Meta does not say how
	 * it counts, and the platform counts code points everywhere (see
	 * docs/meta-simulator.md).
	 */
	static final int MAX_HYDRATED_BODY = 1024;

	/**
	 * The limit when the body is the template's only component: Meta documents body
	 * parameters of up to 32768 characters then (1024 otherwise).
	 */
	static final int MAX_HYDRATED_BODY_ONLY = 32768;

	/** Meta's limit of a TEXT header, its parameter filled in. */
	static final int MAX_HYDRATED_HEADER = 60;

	private static final Set<String> BODY_PARAMETER_TYPES = Set.of("text", "currency", "date_time");

	private TemplateSendCheck() {
	}

	/**
	 * The template to send if its status allows it: APPROVED; PAUSED answers 132015,
	 * DISABLED 132016, any other status (or none found) 132001.
	 * @throws GraphException Meta's error
	 */
	public static MessageTemplate sendable(Optional<MessageTemplate> found, MetaMessage.Template sent) {
		MessageTemplate template = found.orElseThrow(() -> notFound(sent));
		String status = (template.status() != null) ? template.status().toUpperCase(Locale.ROOT) : "APPROVED";
		return switch (status) {
			case "APPROVED" -> template;
			case "PAUSED" -> throw GraphErrors.templatePaused("Template " + sent.name() + " (" + sent.language().code()
					+ ") is paused due to low quality so it cannot be sent in a template message.");
			case "DISABLED" -> throw GraphErrors.templateDisabled("Template " + sent.name() + " ("
					+ sent.language().code() + ") has been disabled due to low quality and cannot be sent.");
			default -> throw notFound(sent);
		};
	}

	private static GraphException notFound(MetaMessage.Template sent) {
		return GraphErrors
			.templateNotFound("template name (" + sent.name() + ") does not exist in " + sent.language().code());
	}

	/**
	 * @return the rendered body text
	 * @throws GraphException Meta's error for the first problem found
	 */
	public static String check(MessageTemplate template, MetaMessage.Template sent) {
		return render(template, sent).body();
	}

	/**
	 * Checks the send and renders it.
	 * @throws GraphException Meta's error for the first problem found
	 */
	public static RenderedMessage render(MessageTemplate template, MetaMessage.Template sent) {
		TemplateSignature signature = TemplateSignature.of(template);
		List<Parameter> header = null;
		List<Parameter> body = null;
		Map<Integer, Component> buttons = new HashMap<>();
		List<Component> components = sent.componentsOrEmpty();
		for (int i = 0; i < components.size(); i++) {
			Component component = components.get(i);
			String where = "template.components[" + i + "]";
			String type = (component.type() != null) ? component.type().toLowerCase(Locale.ROOT) : "";
			switch (type) {
				case "header" -> header = once(header, component, where);
				case "body" -> body = once(body, component, where);
				case "button" -> buttons.put(buttonIndex(component, where, signature), component);
				default -> throw GraphErrors.invalidValue(where + ".type must be one of header, body, button");
			}
		}
		List<Parameter> headerParameters = (header != null) ? header : List.of();
		checkHeader(signature, headerParameters);
		List<Parameter> bodyParameters = (body != null) ? body : List.of();
		checkTexts("body", signature.named(), signature.body(), bodyParameters);
		checkBodyTypes(bodyParameters);
		checkButtons(signature, buttons);
		RenderedMessage.Header renderedHeader = renderHeader(template, signature, headerParameters);
		if (renderedHeader != null && renderedHeader.text() != null
				&& length(renderedHeader.text()) > MAX_HYDRATED_HEADER) {
			throw GraphErrors.hydratedTextTooLong("The header is " + length(renderedHeader.text())
					+ " characters long with its parameter filled in, at most " + MAX_HYDRATED_HEADER + " are allowed");
		}
		String bodyText = fill(text(template, "BODY"), signature.named(), signature.body(), bodyParameters);
		int maxBody = bodyOnly(template) ? MAX_HYDRATED_BODY_ONLY : MAX_HYDRATED_BODY;
		if (length(bodyText) > maxBody) {
			throw GraphErrors.hydratedTextTooLong("The body is " + length(bodyText)
					+ " characters long with its parameters filled in, at most " + maxBody + " are allowed");
		}
		return new RenderedMessage(renderedHeader, bodyText, text(template, "FOOTER"),
				renderButtons(template, buttons));
	}

	/** A text's length in characters: Unicode code points, not UTF-16 units. */
	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	private static boolean bodyOnly(MessageTemplate template) {
		return template.componentsOrEmpty().stream().allMatch((component) -> "BODY".equalsIgnoreCase(component.type()));
	}

	private static List<Parameter> once(@Nullable List<Parameter> seen, Component component, String where) {
		if (seen != null) {
			throw GraphErrors.invalidValue(where + ": the " + component.type() + " component is given twice");
		}
		return component.parametersOrEmpty();
	}

	private static int buttonIndex(Component component, String where, TemplateSignature signature) {
		if (component.index() == null) {
			throw GraphErrors.missingParameter(where + ".index is required for button components");
		}
		int index;
		try {
			index = Integer.parseInt(component.index().strip());
		}
		catch (NumberFormatException ex) {
			throw GraphErrors.invalidValue(where + ".index must be a number, got '" + component.index() + "'");
		}
		if (index < 0 || index >= signature.buttons().size()) {
			throw GraphErrors.invalidValue(
					where + ".index " + index + ": the template has " + signature.buttons().size() + " button(s)");
		}
		return index;
	}

	private static void checkHeader(TemplateSignature signature, List<Parameter> parameters) {
		if (!signature.mediaHeader()) {
			checkTexts("header", signature.named(), signature.header(), parameters);
			for (Parameter parameter : parameters) {
				if (!"text".equals(parameter.type())) {
					throw GraphErrors.parameterFormatMismatch(
							"header: format mismatch, expected text, received " + parameter.type());
				}
			}
			return;
		}
		checkCount("header", parameters.size(), 1);
		String expected = signature.headerFormat().toLowerCase(Locale.ROOT);
		if (!expected.equals(parameters.get(0).type())) {
			throw GraphErrors.parameterFormatMismatch(
					"header: format mismatch, expected " + expected + ", received " + parameters.get(0).type());
		}
	}

	private static void checkBodyTypes(List<Parameter> parameters) {
		for (int i = 0; i < parameters.size(); i++) {
			if (!BODY_PARAMETER_TYPES.contains(parameters.get(i).type())) {
				throw GraphErrors
					.parameterFormatMismatch("body.parameters[" + i + "]: format mismatch, expected one of "
							+ BODY_PARAMETER_TYPES + ", received " + parameters.get(i).type());
			}
		}
	}

	private static void checkTexts(String component, boolean named, List<String> expected, List<Parameter> parameters) {
		checkCount(component, parameters.size(), expected.size());
		for (int i = 0; i < parameters.size(); i++) {
			if ("text".equals(parameters.get(i).type()) && parameters.get(i).text() == null) {
				throw GraphErrors.missingParameter(component + ".parameters[" + i + "].text is required");
			}
		}
		if (!named) {
			for (Parameter parameter : parameters) {
				if (parameter.parameterName() != null) {
					throw GraphErrors.parameterFormatMismatch(component + ": parameter_name "
							+ parameter.parameterName() + " given, but the template uses positional parameters");
				}
			}
			return;
		}
		List<String> given = new ArrayList<>();
		for (Parameter parameter : parameters) {
			if (parameter.parameterName() == null) {
				throw GraphErrors.parameterCountMismatch(component
						+ ": parameter_name is required on every parameter of a template with named parameters");
			}
			given.add(parameter.parameterName());
		}
		if (!given.containsAll(expected) || !expected.containsAll(given)) {
			throw GraphErrors.parameterCountMismatch(component + ": parameter names " + given
					+ " do not match the template's named parameters " + expected);
		}
	}

	private static void checkButtons(TemplateSignature signature, Map<Integer, Component> buttons) {
		for (int index = 0; index < signature.buttons().size(); index++) {
			ButtonSlot slot = signature.buttons().get(index);
			Component sent = buttons.get(index);
			String where = "button at index " + index + " (" + slot.type() + ")";
			if (sent == null) {
				if (slot.requiresParameter()) {
					checkCount(where, 0, 1);
				}
				continue;
			}
			if (sent.subType() != null && !sent.subType().equalsIgnoreCase(slot.subType())) {
				throw GraphErrors
					.invalidValue(where + ": sub_type " + sent.subType() + " does not match the template's "
							+ slot.type() + " button (sub_type " + slot.subType() + ")");
			}
			checkCount(where, sent.parametersOrEmpty().size(), slot.acceptsParameter() ? 1 : 0);
		}
	}

	private static void checkCount(String component, int given, int expected) {
		if (given != expected) {
			throw GraphErrors.parameterCountMismatch(component + ": number of localizable_params (" + given
					+ ") does not match the expected number of params (" + expected + ")");
		}
	}

	private static RenderedMessage.@Nullable Header renderHeader(MessageTemplate template, TemplateSignature signature,
			List<Parameter> parameters) {
		if (signature.headerFormat() == null) {
			return null;
		}
		if (!signature.mediaHeader()) {
			return new RenderedMessage.Header("TEXT",
					fill(text(template, "HEADER"), signature.named(), signature.header(), parameters), null, null,
					null);
		}
		Parameter parameter = parameters.get(0);
		MetaMessage.Media media = switch (parameter.type()) {
			case "image" -> parameter.image();
			case "video" -> parameter.video();
			case "document" -> parameter.document();
			default -> null;
		};
		return new RenderedMessage.Header(signature.headerFormat(), null, (media != null) ? media.link() : null,
				(media != null) ? media.id() : null, (media != null) ? media.filename() : null);
	}

	private static List<RenderedMessage.Button> renderButtons(MessageTemplate template, Map<Integer, Component> sent) {
		List<RenderedMessage.Button> rendered = new ArrayList<>();
		List<MessageTemplate.Button> buttons = template.componentsOrEmpty()
			.stream()
			.filter((component) -> "BUTTONS".equalsIgnoreCase(component.type()) && component.buttons() != null)
			.flatMap((component) -> component.buttons().stream())
			.toList();
		for (int index = 0; index < buttons.size(); index++) {
			MessageTemplate.Button button = buttons.get(index);
			Component component = sent.get(index);
			String value = (component != null && !component.parametersOrEmpty().isEmpty())
					? value(component.parametersOrEmpty().get(0)) : null;
			String type = button.type().toUpperCase(Locale.ROOT);
			String url = null;
			if (button.url() != null) {
				List<String> names = Placeholders.names(button.url());
				url = (names.isEmpty() || value == null) ? button.url()
						: Placeholders.fill(button.url(), Map.of(names.get(0), value));
			}
			String payload = "URL".equals(type) ? null : value;
			rendered.add(new RenderedMessage.Button(type, button.text(), url, button.phoneNumber(), payload));
		}
		return List.copyOf(rendered);
	}

	private static @Nullable String text(MessageTemplate template, String type) {
		return template.componentsOrEmpty()
			.stream()
			.filter((component) -> type.equalsIgnoreCase(component.type()))
			.map(MessageTemplate.Component::text)
			.filter((candidate) -> candidate != null)
			.findFirst()
			.orElse(null);
	}

	private static String fill(@Nullable String text, boolean named, List<String> placeholders,
			List<Parameter> parameters) {
		if (text == null) {
			return "";
		}
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < parameters.size(); i++) {
			Parameter parameter = parameters.get(i);
			String name = named ? parameter.parameterName() : placeholders.get(i);
			String value = value(parameter);
			values.put(name, (value != null) ? value : "");
		}
		return Placeholders.fill(text, values);
	}

	/**
	 * What the customer sees of a parameter: its text, the fallback value of a currency
	 * or date-time, a quick-reply payload or a coupon code; {@code null} for a parameter
	 * without one (a flow or catalog action).
	 */
	private static @Nullable String value(Parameter parameter) {
		if (parameter.text() != null) {
			return parameter.text();
		}
		if (parameter.currency() != null) {
			return parameter.currency().fallbackValue();
		}
		if (parameter.dateTime() != null) {
			return parameter.dateTime().fallbackValue();
		}
		if (parameter.payload() != null) {
			return parameter.payload();
		}
		return parameter.couponCode();
	}

}
