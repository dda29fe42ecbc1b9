package com.waplatform.simulator.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MessageTemplate.Button;
import com.waplatform.common.meta.MessageTemplate.Component;
import org.jspecify.annotations.Nullable;

/**
 * What a send of a template must supply: the placeholders of its header and body, the
 * media its header expects and the parameter each button takes.
 *
 * @param named whether the template uses named placeholders
 * @param headerFormat TEXT, IMAGE, DOCUMENT, VIDEO, LOCATION or {@code null} (no header)
 * @param header the header's placeholder names (text headers), in parameter order
 * @param body the body's placeholder names, in parameter order (positional: by number)
 * @param buttons per button index, its type and whether it takes a parameter
 */
record TemplateSignature(boolean named, @Nullable String headerFormat, List<String> header, List<String> body,
		List<ButtonSlot> buttons) {

	static TemplateSignature of(MessageTemplate template) {
		boolean named = "NAMED".equalsIgnoreCase(template.parameterFormat());
		String headerFormat = null;
		List<String> header = List.of();
		List<String> body = List.of();
		List<ButtonSlot> buttons = new ArrayList<>();
		for (Component component : template.componentsOrEmpty()) {
			switch (component.type().toUpperCase(Locale.ROOT)) {
				case "HEADER" -> {
					headerFormat = (component.format() != null) ? component.format().toUpperCase(Locale.ROOT) : "TEXT";
					header = inParameterOrder(Placeholders.names(component.text()), named);
				}
				case "BODY" -> body = inParameterOrder(Placeholders.names(component.text()), named);
				case "BUTTONS" -> {
					List<Button> templateButtons = (component.buttons() != null) ? component.buttons() : List.of();
					for (Button button : templateButtons) {
						buttons.add(ButtonSlot.of(button));
					}
				}
				default -> {
				}
			}
		}
		return new TemplateSignature(named, headerFormat, header, body, List.copyOf(buttons));
	}

	private static List<String> inParameterOrder(List<String> names, boolean named) {
		return named ? names : Placeholders.positions(names);
	}

	boolean mediaHeader() {
		return this.headerFormat != null && !"TEXT".equals(this.headerFormat);
	}

	/** Parameters the header component must carry. */
	int headerParameterCount() {
		return mediaHeader() ? 1 : this.header.size();
	}

	/**
	 * A template button: its type and whether a send supplies a parameter for it.
	 *
	 * @param type QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW...
	 * @param requiresParameter whether a send must carry this button's component (a
	 * dynamic URL suffix, a coupon code)
	 * @param acceptsParameter whether a send may carry one (a quick-reply payload)
	 */
	record ButtonSlot(String type, boolean requiresParameter, boolean acceptsParameter) {

		/**
		 * The {@code sub_type} a send gives this button's component: the type in lower
		 * case, except OTP buttons (copy code, one tap, zero tap), which Meta's
		 * authentication template sends address as {@code url}.
		 */
		String subType() {
			return "OTP".equals(this.type) ? "url" : this.type.toLowerCase(Locale.ROOT);
		}

		static ButtonSlot of(Button button) {
			String type = button.type().toUpperCase(Locale.ROOT);
			return switch (type) {
				case "URL" -> {
					boolean dynamic = !Placeholders.names(button.url()).isEmpty();
					yield new ButtonSlot(type, dynamic, dynamic);
				}
				case "QUICK_REPLY" -> new ButtonSlot(type, false, true);
				case "COPY_CODE", "OTP" -> new ButtonSlot(type, true, true);
				case "PHONE_NUMBER" -> new ButtonSlot(type, false, false);
				default -> new ButtonSlot(type, false, true);
			};
		}

	}

}
