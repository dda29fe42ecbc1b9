package com.waplatform.gateway.templates.domain;

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

/**
 * The parameters a template declares, per component, as template-service computes them:
 * placeholders of the header text, body text and URL buttons in order of first
 * appearance; a media header takes one parameter of its format and names none.
 *
 * @param parameterFormat Meta's {@code parameter_format}, else NAMED when a placeholder
 * is not a number
 */
public record DeclaredParameters(String parameterFormat, List<Declared> components) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

	public static DeclaredParameters of(MessageTemplate template) {
		List<Declared> components = new ArrayList<>();
		boolean anyName = false;
		for (MessageTemplate.Component component : template.componentsOrEmpty()) {
			String type = upper(component.type());
			switch (type) {
				case "HEADER" -> {
					String format = (component.format() != null) ? upper(component.format()) : "TEXT";
					List<String> names = "TEXT".equals(format) ? placeholders(component.text()) : List.of();
					anyName |= names.stream().anyMatch((name) -> !isNumber(name));
					components.add(new Declared("HEADER", format, null, null, names));
				}
				case "BODY" -> {
					List<String> names = placeholders(component.text());
					anyName |= names.stream().anyMatch((name) -> !isNumber(name));
					components.add(new Declared("BODY", null, null, null, names));
				}
				case "BUTTONS" -> {
					List<MessageTemplate.Button> buttons = (component.buttons() != null) ? component.buttons()
							: List.of();
					for (int i = 0; i < buttons.size(); i++) {
						MessageTemplate.Button button = buttons.get(i);
						String buttonType = upper(button.type());
						List<String> names = "URL".equals(buttonType) ? placeholders(button.url()) : List.of();
						components.add(new Declared("BUTTON", null, i, buttonType, names));
					}
				}
				default -> {
				}
			}
		}
		String format = (template.parameterFormat() != null) ? upper(template.parameterFormat())
				: (anyName ? "NAMED" : "POSITIONAL");
		return new DeclaredParameters(format, List.copyOf(components));
	}

	static List<String> placeholders(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return List.copyOf(names);
	}

	private static boolean isNumber(String name) {
		return name.chars().allMatch(Character::isDigit);
	}

	private static String upper(@Nullable String value) {
		return (value != null) ? value.toUpperCase(Locale.ROOT) : "";
	}

	/**
	 * @param component HEADER, BODY or BUTTON
	 * @param format the header's format
	 * @param index the button's index (the {@code index} of its send component)
	 * @param buttonType the button's type (URL, QUICK_REPLY, ...)
	 * @param parameters the variable names ({@code 1}, {@code first_name}) in order
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Declared(String component, @Nullable String format, @Nullable Integer index,
			@Nullable String buttonType, List<String> parameters) {
	}

}
