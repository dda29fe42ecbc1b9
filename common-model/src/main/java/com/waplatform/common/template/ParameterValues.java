package com.waplatform.common.template;

import com.waplatform.common.meta.MetaMessage.Media;
import com.waplatform.common.meta.MetaMessage.Parameter;
import org.jspecify.annotations.Nullable;

/** The value a parameter carries, by its type. */
final class ParameterValues {

	private ParameterValues() {
	}

	/**
	 * The text a customer sees for a parameter: the text, or the {@code fallback_value}
	 * of a currency or date-time (the Cloud API shows that value).
	 */
	static @Nullable String text(Parameter parameter) {
		return switch (parameter.type()) {
			case "text" -> parameter.text();
			case "currency" -> (parameter.currency() != null) ? parameter.currency().fallbackValue() : null;
			case "date_time" -> (parameter.dateTime() != null) ? parameter.dateTime().fallbackValue() : null;
			case "payload" -> parameter.payload();
			case "coupon_code" -> parameter.couponCode();
			default -> null;
		};
	}

	static @Nullable Media media(Parameter parameter) {
		return switch (parameter.type()) {
			case "image" -> parameter.image();
			case "video" -> parameter.video();
			case "document" -> parameter.document();
			default -> null;
		};
	}

	/** Reports a parameter whose type names a value object that is absent or empty. */
	static void checkPresent(String where, Parameter parameter, Violations violations) {
		String missing = switch (parameter.type()) {
			case "text", "payload", "coupon_code" -> blank(text(parameter)) ? parameter.type() : null;
			case "currency" -> (parameter.currency() == null || blank(parameter.currency().fallbackValue())
					|| blank(parameter.currency().code())) ? "currency (fallback_value, code, amount_1000)" : null;
			case "date_time" -> (parameter.dateTime() == null || blank(parameter.dateTime().fallbackValue()))
					? "date_time.fallback_value" : null;
			case "image", "video", "document" ->
				(media(parameter) == null || (blank(media(parameter).link()) && blank(media(parameter).id())))
						? parameter.type() + " with a link or an id" : null;
			case "location" -> (parameter.location() == null || blank(parameter.location().latitude())
					|| blank(parameter.location().longitude())) ? "location with latitude and longitude" : null;
			case "action" -> (parameter.action() == null) ? "action" : null;
			default -> null;
		};
		if (missing != null) {
			violations.add(where, TemplateViolation.PARAMETER_VALUE_MISSING,
					"a '" + parameter.type() + "' parameter needs " + missing,
					TemplateViolation.META_REQUIRED_PARAMETER_MISSING);
		}
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
