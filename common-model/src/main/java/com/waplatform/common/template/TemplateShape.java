package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MessageTemplate.Button;
import com.waplatform.common.meta.MessageTemplate.Component;
import org.jspecify.annotations.Nullable;

/**
 * What a template as Meta lists it asks of a send: its parameter format, the variables of
 * its header and body, and one slot per button. Format and variables are
 * {@link DeclaredParameters}' (the one rule); this adds what send validation and
 * rendering need besides: texts, button slots, whether the body stands alone.
 *
 * @param named whether variables are named ({@code {{first_name}}}), see
 * {@link DeclaredParameters#formatOf}
 * @param bodyOnly whether the body is the template's only component (longer parameter
 * texts are allowed then)
 */
record TemplateShape(boolean named, @Nullable Header header, @Nullable String bodyText, List<String> bodyVariables,
		@Nullable String footer, List<ButtonSlot> buttons, boolean bodyOnly) {

	static TemplateShape of(MessageTemplate template) {
		DeclaredParameters declared = DeclaredParameters.of(template);
		Header header = null;
		String body = null;
		String footer = null;
		List<ButtonSlot> buttons = new ArrayList<>();
		for (Component component : template.componentsOrEmpty()) {
			switch (upper(component.type())) {
				case "HEADER" -> header = new Header(DeclaredParameters.headerFormat(component), component.text(),
						declared.headerVariables());
				case "BODY" -> body = component.text();
				case "FOOTER" -> footer = component.text();
				case "BUTTONS" -> {
					for (Button button : (component.buttons() != null) ? component.buttons() : List.<Button>of()) {
						buttons.add(new ButtonSlot(buttons.size(), upper(button.type()), button));
					}
				}
				default -> {
				}
			}
		}
		boolean bodyOnly = template.componentsOrEmpty().stream().allMatch((c) -> "BODY".equals(upper(c.type())));
		return new TemplateShape(declared.named(), header, body, declared.bodyVariables(), footer, List.copyOf(buttons),
				bodyOnly);
	}

	static String upper(@Nullable String value) {
		return DeclaredParameters.upper(value);
	}

	/**
	 * @param format TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION (or another Meta format)
	 * @param variables the variables of a TEXT header
	 */
	record Header(String format, @Nullable String text, List<String> variables) {

		boolean isText() {
			return "TEXT".equals(this.format);
		}

		/** The parameter type a media or location header takes, e.g. {@code image}. */
		@Nullable String parameterType() {
			return switch (this.format) {
				case "IMAGE", "VIDEO", "DOCUMENT", "LOCATION" -> this.format.toLowerCase(Locale.ROOT);
				default -> null;
			};
		}

	}

	/**
	 * A template button and what a send supplies for it.
	 *
	 * @param index the button's position, the {@code index} of its send component
	 * @param type QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM...
	 */
	record ButtonSlot(int index, String type, Button button) {

		boolean dynamicUrl() {
			return "URL".equals(this.type) && !Placeholders.names(this.button.url()).isEmpty();
		}

		/** The {@code sub_type} of this button's send component, or null if unknown. */
		@Nullable String subType() {
			return switch (this.type) {
				case "QUICK_REPLY" -> "quick_reply";
				case "URL", "OTP" -> "url";
				case "COPY_CODE" -> "copy_code";
				case "FLOW" -> "flow";
				case "CATALOG" -> "catalog";
				case "MPM" -> "mpm";
				default -> null;
			};
		}

		/** The parameter type a send gives this button, or null when it takes none. */
		@Nullable String parameterType() {
			return switch (this.type) {
				case "QUICK_REPLY" -> "payload";
				case "URL" -> dynamicUrl() ? "text" : null;
				case "OTP" -> "text";
				case "COPY_CODE" -> "coupon_code";
				case "FLOW", "CATALOG", "MPM" -> "action";
				default -> null;
			};
		}

		/** Whether a send must carry this button's component. */
		boolean required() {
			return switch (this.type) {
				case "URL" -> dynamicUrl();
				case "OTP", "COPY_CODE", "MPM" -> true;
				default -> false;
			};
		}

		/** Whether Meta's handling of this button type is known to us. */
		boolean known() {
			return subType() != null || "PHONE_NUMBER".equals(this.type);
		}

		String describe() {
			return this.type + " button " + this.index
					+ ((this.button.text() != null) ? " ('" + this.button.text() + "')" : "");
		}

	}

}
