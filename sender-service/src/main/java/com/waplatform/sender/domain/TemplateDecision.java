package com.waplatform.sender.domain;

import java.util.List;

import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.template.TemplateViolation;
import org.jspecify.annotations.Nullable;

/**
 * What the re-check of a message against the latest template snapshot decided.
 *
 * @param kind send, send without a check, or fail without calling Meta
 * @param error the reason of a failure, Meta-like ({@code code}, {@code title},
 * {@code details} = our violations); null unless {@link Kind#FAIL}
 * @param violations what was found wrong (empty unless {@link Kind#FAIL})
 * @param note why the message was sent unchecked, or what was checked
 */
public record TemplateDecision(Kind kind, @Nullable ErrorInfo error, List<TemplateViolation> violations, String note) {

	public TemplateDecision {
		violations = List.copyOf(violations);
		if ((kind == Kind.FAIL) != (error != null)) {
			throw new IllegalArgumentException("A failure, and only a failure, has an error");
		}
	}

	public static TemplateDecision send(String note) {
		return new TemplateDecision(Kind.SEND, null, List.of(), note);
	}

	static TemplateDecision unchecked(String because) {
		return new TemplateDecision(Kind.SEND_UNCHECKED, null, List.of(), because);
	}

	static TemplateDecision fail(ErrorInfo error, List<TemplateViolation> violations) {
		return new TemplateDecision(Kind.FAIL, error, violations, "refused before calling Meta");
	}

	public boolean refused() {
		return this.kind == Kind.FAIL;
	}

	/** The Meta error code of a failure, as a metric tag. */
	public String code() {
		return (this.error != null && this.error.code() != null) ? this.error.code().toString() : "none";
	}

	public enum Kind {

		/** Not a template message, or the template allows this send: call Meta. */
		SEND,

		/**
		 * The account's templates are not known here yet: call Meta and let it decide.
		 */
		SEND_UNCHECKED,

		/** Meta would refuse it: fail the message for good, without calling Meta. */
		FAIL

	}

}
