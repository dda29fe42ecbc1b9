package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.waplatform.common.meta.MessageTemplate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a template as Meta lists it declares, the one answer every service gives (the
 * gateway's template API, template-service's stored {@code declared_parameters}, the send
 * validation of the gateway, sender and workflow sends through
 * {@link TemplateValidator}): its {@link ParameterFormat} and, per component, the
 * variables a send fills, in parameter order.
 * <ul>
 * <li>The format is Meta's {@code parameter_format}. When the listing leaves it out (or
 * it is neither POSITIONAL nor NAMED) it is NAMED if a header or body placeholder is not
 * a number or an {@code example} carries {@code header_text_named_params} /
 * {@code body_text_named_params}, else POSITIONAL (Meta's default).</li>
 * <li>A TEXT header (a header without {@code format} is TEXT) and the body declare their
 * placeholders ({@link Placeholders#variables}): POSITIONAL by number, NAMED in order of
 * first appearance followed by the {@code param_name}s of Meta's named examples
 * ({@code example.header_text_named_params[]}, {@code example.body_text_named_params[]},
 * {@code [{"param_name": "first_name", "example": "Ana"}]}) that the text does not
 * use.</li>
 * <li>A media or location header (IMAGE, VIDEO, GIF, DOCUMENT, LOCATION...) takes one
 * parameter of its format and declares no names.</li>
 * <li>Every button is listed with its index (counted over the template's buttons, the
 * {@code index} of its send component) and type; a URL button declares the placeholders
 * of its {@code url} (the dynamic suffix {@code {{1}}}), other buttons none.</li>
 * </ul>
 * Serialized as {@code {"parameterFormat":"POSITIONAL","components":[{"component":"BODY",
 * "parameters":["1","2"]},...]}}.
 *
 * @param parameterFormat POSITIONAL or NAMED
 * @param components the header, body and buttons, in the template's order
 */
public record DeclaredParameters(ParameterFormat parameterFormat, List<ComponentParameters> components) {

	static final String HEADER_NAMED_EXAMPLES = "header_text_named_params";

	static final String BODY_NAMED_EXAMPLES = "body_text_named_params";

	public DeclaredParameters {
		components = List.copyOf(components);
	}

	public static DeclaredParameters of(MessageTemplate template) {
		ParameterFormat format = formatOf(template);
		List<ComponentParameters> components = new ArrayList<>();
		int buttonIndex = 0;
		for (MessageTemplate.Component component : template.componentsOrEmpty()) {
			switch (upper(component.type())) {
				case "HEADER" -> {
					String headerFormat = headerFormat(component);
					List<String> names = "TEXT".equals(headerFormat)
							? variables(component.text(), component.example(), HEADER_NAMED_EXAMPLES, format)
							: List.of();
					components.add(new ComponentParameters("HEADER", null, headerFormat, null, names));
				}
				case "BODY" -> components.add(new ComponentParameters("BODY", null, null, null,
						variables(component.text(), component.example(), BODY_NAMED_EXAMPLES, format)));
				case "BUTTONS" -> {
					for (MessageTemplate.Button button : (component.buttons() != null) ? component.buttons()
							: List.<MessageTemplate.Button>of()) {
						String type = upper(button.type());
						List<String> names = "URL".equals(type) ? Placeholders.names(button.url()) : List.of();
						components.add(new ComponentParameters("BUTTON", buttonIndex++, null, type, names));
					}
				}
				default -> {
					// FOOTER, CAROUSEL...: nothing a send fills
				}
			}
		}
		return new DeclaredParameters(format, components);
	}

	/**
	 * The template's parameter format: Meta's {@code parameter_format}, else inferred
	 * from its header and body (see the class description).
	 */
	public static ParameterFormat formatOf(MessageTemplate template) {
		ParameterFormat declared = ParameterFormat.parse(template.parameterFormat());
		if (declared != null) {
			return declared;
		}
		for (MessageTemplate.Component component : template.componentsOrEmpty()) {
			String type = upper(component.type());
			boolean textHeader = "HEADER".equals(type) && "TEXT".equals(headerFormat(component));
			if (!textHeader && !"BODY".equals(type)) {
				continue;
			}
			if (!Placeholders.names(component.text()).stream().allMatch(Placeholders::isPositional)
					|| !exampleNames(component.example(), textHeader ? HEADER_NAMED_EXAMPLES : BODY_NAMED_EXAMPLES)
						.isEmpty()) {
				return ParameterFormat.NAMED;
			}
		}
		return ParameterFormat.POSITIONAL;
	}

	public boolean named() {
		return this.parameterFormat == ParameterFormat.NAMED;
	}

	/** The header, or null when the template has none. */
	public @Nullable ComponentParameters header() {
		return first("HEADER");
	}

	/** The body, or null when the template has none. */
	public @Nullable ComponentParameters body() {
		return first("BODY");
	}

	/** The buttons, by index. */
	public List<ComponentParameters> buttons() {
		return this.components.stream().filter((component) -> "BUTTON".equals(component.component())).toList();
	}

	/** The variables of a TEXT header (none for other headers or without a header). */
	public List<String> headerVariables() {
		ComponentParameters header = header();
		return (header != null) ? header.parameters() : List.of();
	}

	/** The body's variables, in parameter order. */
	public List<String> bodyVariables() {
		ComponentParameters body = body();
		return (body != null) ? body.parameters() : List.of();
	}

	/** How many parameters the body takes. */
	public int bodyCount() {
		return bodyVariables().size();
	}

	private @Nullable ComponentParameters first(String type) {
		return this.components.stream()
			.filter((component) -> type.equals(component.component()))
			.findFirst()
			.orElse(null);
	}

	private static List<String> variables(@Nullable String text, @Nullable JsonNode example, String namedExamples,
			ParameterFormat format) {
		List<String> variables = new ArrayList<>(Placeholders.variables(Placeholders.names(text), format));
		if (format == ParameterFormat.NAMED) {
			for (String name : exampleNames(example, namedExamples)) {
				if (!variables.contains(name)) {
					variables.add(name);
				}
			}
		}
		return List.copyOf(variables);
	}

	/** The {@code param_name}s of Meta's named examples of a component. */
	static List<String> exampleNames(@Nullable JsonNode example, String field) {
		List<String> names = new ArrayList<>();
		if (example == null) {
			return names;
		}
		for (JsonNode param : example.path(field)) {
			JsonNode name = param.path("param_name");
			if (name.isString() && !name.stringValue().isBlank() && !names.contains(name.stringValue().strip())) {
				names.add(name.stringValue().strip());
			}
		}
		return names;
	}

	static String headerFormat(MessageTemplate.Component header) {
		return (header.format() != null) ? upper(header.format()) : "TEXT";
	}

	static String upper(@Nullable String value) {
		return (value != null) ? value.toUpperCase(Locale.ROOT) : "";
	}

	/**
	 * The parameters of one component.
	 *
	 * @param component {@code HEADER}, {@code BODY} or {@code BUTTON}
	 * @param index the button's index (buttons only)
	 * @param format the header's format (headers only)
	 * @param buttonType the button's type (buttons only)
	 * @param parameters the variables in parameter order ({@code "1"}, {@code "2"}... or
	 * {@code "first_name"}...)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ComponentParameters(String component, @Nullable Integer index, @Nullable String format,
			@Nullable String buttonType, List<String> parameters) {

		public ComponentParameters {
			parameters = List.copyOf(parameters);
		}

	}

}
