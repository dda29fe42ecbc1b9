package com.waplatform.webhook.samples;

import java.util.List;
import java.util.function.Consumer;

import com.waplatform.common.inbound.InboundContent;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.message.MessageStatus;

/** What the service must do with one real webhook sample. */
sealed interface Expected {

	/** One customer message on {@code wa.inbound-messages}, its content of this kind. */
	record Inbound(String type, Class<? extends InboundContent> kind,
			Consumer<InboundMessage> more) implements Expected {
	}

	/** A {@code UserPreference} on {@code wa.inbound-messages}. */
	record Preference(String value) implements Expected {
	}

	/** {@code NumberHealth} facts on {@code wa.accounts}: aspect and value pairs. */
	record Health(List<List<String>> facts) implements Expected {
	}

	/** An {@code account_update} that is no health fact: counted, nothing published. */
	record Informational() implements Expected {
	}

	/** A {@code StatusEvent} of our message on {@code wa.status-events}. */
	record Status(MessageStatus status) implements Expected {
	}

	/** A status we do not track (e.g. {@code played}): counted, nothing published. */
	record UntrackedStatus(String status) implements Expected {
	}

	/** A {@code TemplateUpdated} on {@code wa.template-updates}. */
	record Template(String field) implements Expected {
	}

	/** A field without a handler: counted and logged, nothing published. */
	record Ignored(String field) implements Expected {
	}

	/**
	 * Dead-lettered at once with an {@code IllegalArgumentException} naming the reason.
	 */
	record Refused(String reason) implements Expected {
	}

	static Expected inbound(String type, Class<? extends InboundContent> kind) {
		return new Inbound(type, kind, (message) -> {
		});
	}

	static Expected inbound(String type, Class<? extends InboundContent> kind, Consumer<InboundMessage> more) {
		return new Inbound(type, kind, more);
	}

	static Expected preference(String value) {
		return new Preference(value);
	}

	static Expected health(String aspect, String value) {
		return new Health(List.of(List.of(aspect, value)));
	}

	static Expected informational() {
		return new Informational();
	}

	static Expected status(MessageStatus status) {
		return new Status(status);
	}

	static Expected untracked(String status) {
		return new UntrackedStatus(status);
	}

	static Expected template(String field) {
		return new Template(field);
	}

	static Expected ignored(String field) {
		return new Ignored(field);
	}

	static Expected refused(String reason) {
		return new Refused(reason);
	}

}
