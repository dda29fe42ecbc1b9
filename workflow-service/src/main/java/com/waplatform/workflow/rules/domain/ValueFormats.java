package com.waplatform.workflow.rules.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.Temporal;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Dates, times and amounts written for the recipient: in their locale (from the template
 * language) with the JDK's CLDR styles, and in their time zone. Java 17's CLDR data is
 * what decides the exact text, e.g. en-US "December 10, 2026", es "10 de diciembre de
 * 2026", en-US "€450.00", es "450,00 €" (with a no-break space).
 */
record ValueFormats(Locale locale, ZoneId zone) {

	/**
	 * A date ({@code FormatStyle.LONG}), date-time (LONG date, SHORT time) or time
	 * (SHORT), or as {@code pattern} says. An instant shows in the recipient's zone; a
	 * date of a date-time is its date there; a date alone has no time to show.
	 * @throws InvalidEvent when {@code value} is no ISO-8601 date or time the format can
	 * show
	 */
	String temporal(ValueFormat format, String value, @Nullable String pattern, String source, String field) {
		Temporal temporal = TemporalValues.parse(value.strip(), this.zone);
		if (temporal == null) {
			throw invalid(source + " is \"" + ParameterText.truncate(value, 40)
					+ "\", not an ISO-8601 date or time like 2026-12-10 or 2026-12-10T09:00:00Z (" + field + ")");
		}
		Temporal shown = switch (format) {
			case DATE -> dateOf(temporal);
			case DATETIME -> (temporal instanceof LocalDateTime || temporal instanceof ZonedDateTime) ? temporal : null;
			default -> (temporal instanceof LocalDate) ? null : temporal;
		};
		if (shown == null) {
			throw invalid(source + " is \"" + value + "\", which cannot show as " + format.jsonName() + ": that needs "
					+ needs(format) + " (" + field + ")");
		}
		DateTimeFormatter formatter = (pattern != null) ? DateTimeFormatter.ofPattern(pattern, this.locale)
				: styleOf(format).withLocale(this.locale);
		try {
			return formatter.format(shown);
		}
		catch (DateTimeException ex) {
			throw invalid("pattern \"" + pattern + "\" cannot show " + source + " (\"" + value + "\"): "
					+ ex.getMessage() + " (" + field + ")");
		}
	}

	/**
	 * An amount in {@code currencyCode}, with the currency's own number of decimals
	 * (rounded half up: €10.005 shows €10.01).
	 * @throws InvalidEvent when the amount is no number or the code no ISO 4217 currency
	 */
	String currency(String value, String currencyCode, String source, String field) {
		BigDecimal amount;
		try {
			amount = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(source + " is \"" + ParameterText.truncate(value, 40) + "\", not an amount (" + field + ")");
		}
		Currency currency = ParameterValidator.currencyOf(currencyCode);
		if (currency == null) {
			throw invalid("\"" + currencyCode + "\" is not an ISO 4217 currency code (" + field + ")");
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(currency);
		// setCurrency keeps the locale currency's decimals: ¥ would show 1,234.50
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(amount);
	}

	private static @Nullable LocalDate dateOf(Temporal temporal) {
		if (temporal instanceof LocalDate date) {
			return date;
		}
		if (temporal instanceof LocalDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (temporal instanceof ZonedDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		return null;
	}

	private static String needs(ValueFormat format) {
		return switch (format) {
			case DATE -> "a date";
			case TIME -> "a time";
			default -> "a date and a time";
		};
	}

	private static DateTimeFormatter styleOf(ValueFormat format) {
		return switch (format) {
			case DATE -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);
			case DATETIME -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT);
			case TIME -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
			default -> throw new IllegalArgumentException(format + " is no date or time format");
		};
	}

	private static InvalidEvent invalid(String detail) {
		return new InvalidEvent(RulePlan.Invalid.INVALID_VALUE, detail);
	}

}
