package com.waplatform.workflow.autoreply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import com.waplatform.common.conversation.ServiceWindow;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.message.Priority;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.common.template.TemplateCategories;
import com.waplatform.common.template.TemplateCheck;
import com.waplatform.common.template.TemplateDecision;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.templates.TemplateDirectory;
import com.waplatform.workflow.autoreply.domain.AutoReplyPolicy;
import com.waplatform.workflow.autoreply.domain.ChosenReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Makes the {@link SendRequest} of an auto-reply: free-form text as it is (the customer
 * just wrote, so the window is open), a template checked like every template send
 * ({@link TemplateCheck}) against the templates synced for the number's account. Sent
 * from the number the customer wrote to, to the customer, transactional, source and
 * context type {@code auto-reply} (context id: the inbound wamid), expiring when the
 * window the inbound message opened closes.
 */
@Component
class AutoReplyMessages {

	static final String SOURCE = "auto-reply";

	static final String SKIPPED_TEMPLATE_INVALID = "skipped_template_invalid";

	static final String SKIPPED_MARKETING_DISABLED = "skipped_marketing_disabled";

	private static final Logger logger = LoggerFactory.getLogger(AutoReplyMessages.class);

	private final AccountDirectory accounts;

	private final TemplateDirectory templates;

	AutoReplyMessages(AccountDirectory accounts, TemplateDirectory templates) {
		this.accounts = accounts;
		this.templates = templates;
	}

	/** The reply, or why it cannot be made. */
	Made make(InboundMessage inbound, ChosenReply reply, OrganizationSettings settings, Instant now) {
		String customer = inbound.customer();
		MetaMessage message;
		if (reply.text() != null) {
			message = MetaMessage.text(customer, reply.text());
		}
		else {
			TemplateChoice choice = java.util.Objects.requireNonNull(reply.template());
			Optional<PhoneNumberConfigured> number = this.accounts.phoneNumber(inbound.phoneNumberId());
			if (number.isEmpty() || !this.templates.loaded(number.get().wabaId())) {
				return refused(inbound, reply, SKIPPED_TEMPLATE_INVALID, "its templates are not known here (yet)");
			}
			TemplateDecision decision = TemplateCheck.check(this.templates.catalog(number.get().wabaId()),
					new MetaMessage.Template(choice.name(), MetaMessage.Language.of(choice.language()), null),
					new TemplateArguments(choice.parameters(), null, List.of()), settings.languageFallbacks());
			if (decision instanceof TemplateDecision.Refused refused) {
				return refused(inbound, reply, SKIPPED_TEMPLATE_INVALID,
						"template " + choice.name() + " cannot be sent: "
								+ String.join("; ",
										refused.violations()
											.stream()
											.map((violation) -> violation.field() + ": " + violation.message())
											.toList()));
			}
			TemplateDecision.Sendable sendable = (TemplateDecision.Sendable) decision;
			if (TemplateCategories.isMarketing(sendable.template()) && !settings.marketingEnabled()) {
				return refused(inbound, reply, SKIPPED_MARKETING_DISABLED,
						"template " + choice.name() + " is MARKETING and marketing is switched off");
			}
			message = MetaMessage.template(customer, sendable.send());
		}
		String messageId = AutoReplyPolicy.messageId(inbound.organizationId(), inbound.wamid(), reply.rule());
		return new Made(new SendRequest(UUID.randomUUID(), now, inbound.organizationId(), messageId,
				inbound.phoneNumberId(), customer, message, new SendRequest.BusinessContext(SOURCE, inbound.wamid()),
				Priority.TRANSACTIONAL, ServiceWindow.openUntil(inbound.sentAt()), null, SOURCE), null);
	}

	private static Made refused(InboundMessage inbound, ChosenReply reply, String outcome, String why) {
		logger.warn("Auto-reply {} of organization {} not sent: {}", reply.rule(), inbound.organizationId(), why);
		return new Made(null, outcome);
	}

	/** Either the request or the outcome that says why there is none. */
	record Made(@Nullable SendRequest request, @Nullable String skipped) {
	}

}
