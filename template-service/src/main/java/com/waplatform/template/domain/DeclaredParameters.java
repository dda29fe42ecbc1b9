package com.waplatform.template.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.waplatform.common.meta.MessageTemplate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parameters a template declares, per component, as a sender must fill them: the
 * placeholders of the header text, the body text and each URL button's URL
 * ({@code {{1}}}… for POSITIONAL, {@code {{first_name}}}… for NAMED), in order of first
 * appearance. A media header ({@code IMAGE}, {@code VIDEO}, {@code GIF},
 * {@code DOCUMENT}, {@code LOCATION}) takes one parameter of its format, so it is listed
 * with its format and no names. Every button is listed with its index and type, since
 * buttons are addressed by index when sending. For NAMED templates the names of Meta's
 * examples ({@code example.body_text_named_params[].param_name},
 * {@code example.header_text_named_params[].param_name}) are added after those found in
 * the text.
 *
 * @param parameterFormat {@code POSITIONAL} or {@code NAMED} (Meta's default POSITIONAL
 * when the template does not say and its placeholders are numbers)
 */
public record DeclaredParameters(String parameterFormat, List<ComponentParameters> components) {

	/** A placeholder as Meta writes it; whitespace inside the braces is tolerated. */
	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

	public static final String POSITIONAL = "POSITIONAL";

	public static final String NAMED = "NAMED";

	private static final Set<String> MEDIA_FORMATS = Set.of("IMAGE", "VIDEO", "GIF", "DOCUMENT", "LOCATION");

	public DeclaredParameters {
		components = List.copyOf(components);
	}

	public static DeclaredParameters of(MessageTemplate template) {
		List<ComponentParameters> components = new ArrayList<>();
		for (MessageTemplate.Component component : template.componentsOrEmpty()) {
			String type = upper(component.type());
			if ("HEADER".equals(type)) {
				String format = (component.format() != null) ? upper(component.format()) : "TEXT";
				List<String> names = MEDIA_FORMATS.contains(format) ? List.of()
						: names(component.text(), component.example(), "header_text_named_params");
				components.add(new ComponentParameters("HEADER", null, format, null, names));
			}
			else if ("BODY".equals(type)) {
				components.add(new ComponentParameters("BODY", null, null, null,
						names(component.text(), component.example(), "body_text_named_params")));
			}
			else if ("BUTTONS".equals(type) && component.buttons() != null) {
				int index = 0;
				for (MessageTemplate.Button button : component.buttons()) {
					String buttonType = upper(button.type());
					List<String> names = "URL".equals(buttonType) ? names(button.url(), null, null) : List.of();
					components.add(new ComponentParameters("BUTTON", index, null, buttonType, names));
					index++;
				}
			}
		}
		return new DeclaredParameters(format(template.parameterFormat(), components), components);
	}

	/** How many parameters the body takes. */
	public int bodyCount() {
		return this.components.stream()
			.filter((component) -> "BODY".equals(component.component()))
			.mapToInt((component) -> component.parameters().size())
			.sum();
	}

	/** Placeholder names of a text, in order of first appearance, without repeats. */
	public static List<String> placeholders(@Nullable String text) {
		Set<String> names = new LinkedHashSet<>();
		if (text != null) {
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return List.copyOf(names);
	}

	private static List<String> names(@Nullable String text, @Nullable JsonNode example, @Nullable String namedField) {
		Set<String> names = new LinkedHashSet<>(placeholders(text));
		if (example != null && namedField != null) {
			for (JsonNode param : example.path(namedField)) {
				JsonNode name = param.path("param_name");
				if (name.isString() && !name.stringValue().isBlank()) {
					names.add(name.stringValue());
				}
			}
		}
		return List.copyOf(names);
	}

	private static String format(@Nullable String declared, List<ComponentParameters> components) {
		if (declared != null && !declared.isBlank()) {
			return upper(declared);
		}
		boolean named = components.stream()
			.flatMap((component) -> component.parameters().stream())
			.anyMatch((name) -> !name.chars().allMatch(Character::isDigit));
		return named ? NAMED : POSITIONAL;
	}

	private static String upper(String text) {
		return text.toUpperCase(Locale.ROOT);
	}

	/**
	 * The parameters of one component.
	 *
	 * @param component {@code HEADER}, {@code BODY} or {@code BUTTON}
	 * @param index the button's index (buttons only)
	 * @param format the header's format (headers only)
	 * @param buttonType the button's type (buttons only)
	 * @param parameters placeholder names ({@code "1"}, {@code "2"}… or
	 * {@code "first_name"}…)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ComponentParameters(String component, @Nullable Integer index, @Nullable String format,
			@Nullable String buttonType, List<String> parameters) {

		public ComponentParameters {
			parameters = List.copyOf(parameters);
		}

	}

}
