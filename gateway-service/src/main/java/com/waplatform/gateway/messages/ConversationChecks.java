package com.waplatform.gateway.messages;

import java.util.List;

import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.common.template.TemplateCategories;
import com.waplatform.gateway.conversations.ServiceWindows;
import com.waplatform.gateway.messages.domain.MessageRequest;
import com.waplatform.gateway.numbers.BusinessNumbers.Sender;
import com.waplatform.gateway.suppressions.Suppressions;
import com.waplatform.gateway.web.Problems;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a conversation with the customer allows a message: a free-form message outside the
 * 24-hour window is refused (422 {@code outside-service-window}) or replaced by the
 * organization's fallback template ({@link ServiceWindows}); a MARKETING template to a
 * customer on the suppression list is refused (422 {@code customer-opted-out}), utility
 * and authentication templates still go.
 */
@Component
class ConversationChecks {

	private final ServiceWindows windows;

	private final Suppressions suppressions;

	ConversationChecks(ServiceWindows windows, Suppressions suppressions) {
		this.windows = windows;
		this.suppressions = suppressions;
	}

	/** The request to send: as asked, or the fallback template instead of it. */
	Mono<Windowed> window(String organizationId, Sender sender, MessageRequest request) {
		return this.windows.closedFor(organizationId, sender.phoneNumberId(), request.recipient(), request.message())
			.map((closed) -> closed.fallbackTemplate()
				.map((choice) -> new Windowed(fallback(request, choice),
						new Fallback(choice.name(), ServiceWindows.OUTSIDE_SERVICE_WINDOW)))
				.orElseThrow(() -> this.windows.refusal(closed)))
			.defaultIfEmpty(new Windowed(request, null));
	}

	/** Refuses a MARKETING template to a suppressed customer. */
	Mono<Void> optOut(String organizationId, String customer, MessageTemplate template) {
		if (!TemplateCategories.isMarketing(template)) {
			return Mono.empty();
		}
		return this.suppressions.isSuppressed(organizationId, customer)
			.flatMap((suppressed) -> suppressed ? Mono
				.error(Problems.exception(HttpStatus.UNPROCESSABLE_CONTENT, "customer-opted-out", "Customer opted out",
						"Customer " + customer + " opted out of marketing messages (see GET /v1/suppressions/"
								+ customer + "); template '" + template.name()
								+ "' is a MARKETING template. UTILITY and AUTHENTICATION templates may still be sent"))
					: Mono.empty());
	}

	void countFallback() {
		this.windows.countFallback();
	}

	/** The fallback template in place of the request's free-form message. */
	private static MessageRequest fallback(MessageRequest request, TemplateChoice choice) {
		MetaMessage.Template template = new MetaMessage.Template(choice.name(),
				MetaMessage.Language.of(choice.language()), null);
		TemplateArguments arguments = choice.parameters().isEmpty() ? TemplateArguments.none()
				: new TemplateArguments(choice.parameters(), null, List.of());
		return new MessageRequest(request.from(), request.recipient(),
				MetaMessage.template(request.recipient(), template), "template", choice.name(), arguments,
				request.context(), request.priority(), request.ttl(), request.scheduledFor());
	}

	/**
	 * @param fallback set when the fallback template replaced the request
	 */
	record Windowed(MessageRequest request, @Nullable Fallback fallback) {
	}

	/**
	 * What the 202 says when the fallback template was sent.
	 *
	 * @param reason {@value ServiceWindows#OUTSIDE_SERVICE_WINDOW}
	 */
	record Fallback(String template, String reason) {
	}

}
