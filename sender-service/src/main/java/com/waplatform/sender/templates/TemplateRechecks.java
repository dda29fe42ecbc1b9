package com.waplatform.sender.templates;

import java.util.Locale;
import java.util.Optional;

import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateCatalog;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.sender.domain.TemplateDecision;
import com.waplatform.sender.domain.TemplateLookup;
import com.waplatform.sender.domain.TemplateRecheck;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.support.templates.TemplateDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Re-checks template messages against this instance's {@link TemplateDirectory} (the
 * latest snapshot per template and language, in memory) with {@link TemplateRecheck}. A
 * message whose template or WABA is not known here is sent unchecked: Meta decides
 * (logged at DEBUG, counted in {@code sender.template.unchecked}). Refusals are counted
 * in {@code sender.template.rejections} by Meta code and stage.
 * <p>
 * Per message it costs two map lookups and {@code TemplateValidator.validate} (a few
 * microseconds); the account's whole catalog is built only to explain a template that is
 * not found.
 */
@Component
public class TemplateRechecks {

	/** Where a message was refused: when it was recorded, or right before its call. */
	public enum Stage {

		ADMISSION, DISPATCH

	}

	private static final Logger log = LoggerFactory.getLogger(TemplateRechecks.class);

	private static final TemplateDecision NOT_A_TEMPLATE = TemplateDecision.send("not a template message");

	private final TemplateDirectory directory;

	private final AccountDirectory accounts;

	private final TemplateSyncProgress progress;

	private final MeterRegistry meters;

	private final Counter unchecked;

	TemplateRechecks(TemplateDirectory directory, AccountDirectory accounts, TemplateSyncProgress progress,
			MeterRegistry meters) {
		this.directory = directory;
		this.accounts = accounts;
		this.progress = progress;
		this.meters = meters;
		this.unchecked = Counter.builder("sender.template.unchecked")
			.description("Template messages sent without a re-check: their templates were not known here yet")
			.register(meters);
	}

	/** Checks a message at admission; its number may not be known yet. */
	public TemplateDecision check(SendRequest request) {
		PhoneNumberConfigured number = (request.message().template() != null)
				? this.accounts.phoneNumber(request.phoneNumberId())
					.filter((configured) -> configured.organizationId().equals(request.organizationId()))
					.orElse(null)
				: null;
		return check(request, number);
	}

	/** Checks a message right before its call, sent from {@code number}. */
	public TemplateDecision check(SendRequest request, @Nullable PhoneNumberConfigured number) {
		if (request.message().template() == null) {
			return NOT_A_TEMPLATE;
		}
		TemplateDecision decision = TemplateRecheck.decide(request.message(), lookup(number));
		if (decision.kind() == TemplateDecision.Kind.SEND_UNCHECKED) {
			this.unchecked.increment();
			log.debug("Template message {} is sent unchecked ({}): Meta decides", request.messageId(), decision.note());
		}
		return decision;
	}

	/** Counts a message failed on a refusal. */
	public void rejected(TemplateDecision decision, Stage stage) {
		Counter.builder("sender.template.rejections")
			.description("Template messages failed before calling Meta: the latest template snapshot refuses them")
			.tag("code", decision.code())
			.tag("stage", stage.name().toLowerCase(Locale.ROOT))
			.register(this.meters)
			.increment();
	}

	private TemplateLookup lookup(@Nullable PhoneNumberConfigured number) {
		if (number == null) {
			return TemplateLookup.unknown("the business number is not known yet");
		}
		String wabaId = number.wabaId();
		if (!this.progress.caughtUp()) {
			return TemplateLookup.unknown("the template directory is still reading wa.template-sync after the start");
		}
		if (!this.directory.loaded(wabaId)) {
			return TemplateLookup.unknown("no template of WABA " + wabaId + " is known");
		}
		return new DirectoryLookup(this.directory, wabaId);
	}

	private record DirectoryLookup(TemplateDirectory directory, String wabaId) implements TemplateLookup {

		@Override
		public @Nullable String unknownBecause() {
			return null;
		}

		@Override
		public Optional<MessageTemplate> find(String name, String language) {
			return this.directory.snapshot(this.wabaId, name, language).map(TemplateSnapshot::template);
		}

		@Override
		public TemplateCatalog catalog() {
			return this.directory.catalog(this.wabaId);
		}

	}

}
