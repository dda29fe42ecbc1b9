package com.waplatform.workflow.rules.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What ties a pending message to the events that cancel it: the business record (the
 * CloudEvents subject) or the customer (the recipient's number in E.164). A pending
 * message of a rule is cancelled by a key of the same rule with the same kind and value.
 */
public record CancelKey(Kind kind, String value) {

	public static CancelKey subject(String subject) {
		return new CancelKey(Kind.SUBJECT, subject);
	}

	public static CancelKey customer(String e164) {
		return new CancelKey(Kind.CUSTOMER, e164);
	}

	/** {@code subject:B-1042}, {@code customer:+34600123456}. */
	@Override
	public String toString() {
		return this.kind.jsonName() + ":" + this.value;
	}

	public enum Kind {

		SUBJECT, CUSTOMER;

		/** As rules write it in {@code cancelOn.events[].match}. */
		public String jsonName() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Optional<Kind> named(String match) {
			for (Kind kind : values()) {
				if (kind.jsonName().equals(match)) {
					return Optional.of(kind);
				}
			}
			return Optional.empty();
		}

	}

}
