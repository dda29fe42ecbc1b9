package com.waplatform.sender.domain;

import java.util.List;

import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateCatalog;
import com.waplatform.common.template.TemplateViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TemplateRecheckTests {

	private static final String RECIPIENT = "+15550100001";

	@Test
	void messageThatIsNotATemplateIsSentWithoutACheck() {
		TemplateDecision decision = TemplateRecheck.decide(MetaMessage.text(RECIPIENT, "Hi"),
				TemplateLookup.unknown("not loaded"));

		assertThat(decision.kind()).isEqualTo(TemplateDecision.Kind.SEND);
		assertThat(decision.error()).isNull();
	}

	@Test
	void approvedTemplateWithTheRightParametersIsSent() {
		TemplateDecision decision = TemplateRecheck.decide(send("order_ready", "en_US", "Ada"),
				known(orderReady("en_US", "APPROVED")));

		assertThat(decision.kind()).isEqualTo(TemplateDecision.Kind.SEND);
		assertThat(decision.violations()).isEmpty();
	}

	@Test
	void templatesNotKnownHereAreSentUncheckedEvenWhenTheMessageLooksWrong() {
		TemplateDecision decision = TemplateRecheck.decide(send("no_such_template", "en_US"),
				TemplateLookup.unknown("the template directory is still reading wa.template-sync"));

		assertThat(decision.kind()).isEqualTo(TemplateDecision.Kind.SEND_UNCHECKED);
		assertThat(decision.note()).isEqualTo("the template directory is still reading wa.template-sync");
		assertThat(decision.error()).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "PAUSED, 132015, Template is paused", "DISABLED, 132016, Template has been disabled",
			"PENDING, 132001, Template name does not exist in the translation",
			"REJECTED, 132001, Template name does not exist in the translation" })
	void templateThatIsNotApprovedAnymoreFailsWithMetasCode(String status, int code, String title) {
		TemplateDecision decision = TemplateRecheck.decide(send("order_ready", "en_US", "Ada"),
				known(orderReady("en_US", status)));

		assertThat(decision.kind()).isEqualTo(TemplateDecision.Kind.FAIL);
		assertThat(decision.error().code()).isEqualTo(code);
		assertThat(decision.error().title()).isEqualTo(title);
		assertThat(decision.error().details()).startsWith("template: template 'order_ready' (en_US) is " + status);
		assertThat(decision.code()).isEqualTo(Integer.toString(code));
	}

	@Test
	void pausedTemplateReadsLikeMetasRefusal() {
		TemplateDecision decision = TemplateRecheck.decide(send("order_ready", "en_US", "Ada"),
				known(orderReady("en_US", "PAUSED")));

		assertThat(decision.error()).isEqualTo(ErrorInfo.of(132015, "Template is paused",
				"template: template 'order_ready' (en_US) is PAUSED (paused by Meta for low quality); "
						+ "it cannot be sent until it is unpaused"));
	}

	@Test
	void templateMissingInThatLanguageFailsWith132001NamingTheLanguagesThereAre() {
		TemplateDecision decision = TemplateRecheck.decide(send("order_ready", "de", "Ada"),
				known(orderReady("en_US", "APPROVED"), orderReady("fr", "APPROVED")));

		assertThat(decision.kind()).isEqualTo(TemplateDecision.Kind.FAIL);
		assertThat(decision.error()).isEqualTo(ErrorInfo.of(132001, "Template name does not exist in the translation",
				"template.language.code: template 'order_ready' does not exist in 'de'; "
						+ "available languages: en_US, fr"));
	}

	@Test
	void templateMissingAltogetherFailsWith132001() {
		TemplateDecision decision = TemplateRecheck.decide(send("deleted_template", "en_US"),
				known(orderReady("en_US", "APPROVED")));

		assertThat(decision.error().code()).isEqualTo(132001);
		assertThat(decision.error().details())
			.isEqualTo("template.name: template 'deleted_template' does not exist in this WhatsApp Business Account");
	}

	@Test
	void wrongParametersFailWithTheCodeOfTheFirstViolationAndEveryViolationInTheDetails() {
		TemplateDecision decision = TemplateRecheck.decide(send("order_ready", "en_US", "Ada", "surplus"),
				known(orderReady("en_US", "APPROVED")));

		assertThat(decision.kind()).isEqualTo(TemplateDecision.Kind.FAIL);
		assertThat(decision.error().code()).isEqualTo(132000);
		assertThat(decision.error().title())
			.isEqualTo("Number of parameters does not match the expected number of params");
		assertThat(decision.error().details()).startsWith("template.components[body].parameters[1]: expected 1 body "
				+ "parameter ({{1}}), got 2: there is no {{2}} to fill");
		assertThat(decision.violations()).extracting(TemplateViolation::code)
			.containsExactly(TemplateViolation.PARAMETER_UNEXPECTED);
	}

	@Test
	void pausedTemplateWithWrongParametersFailsAsPausedAndListsEverything() {
		TemplateDecision decision = TemplateRecheck.decide(send("order_ready", "en_US"),
				known(orderReady("en_US", "PAUSED")));

		assertThat(decision.error().code()).isEqualTo(132015);
		assertThat(decision.violations()).extracting(TemplateViolation::metaErrorCode).containsExactly(132015, 132000);
		assertThat(decision.error().details()).contains("; template.components[body]: ");
	}

	@Test
	void templateSendWithoutALanguageFailsAsAMissingParameter() {
		MetaMessage message = MetaMessage.template(RECIPIENT, new MetaMessage.Template("order_ready", null, null));

		TemplateDecision decision = TemplateRecheck.decide(message, known(orderReady("en_US", "APPROVED")));

		assertThat(decision.error().code()).isEqualTo(131008);
		assertThat(decision.error().title()).isEqualTo("Required parameter is missing");
	}

	@Test
	void unknownCodesGetAGenericTitle() {
		assertThat(TemplateRecheck.title(132005)).isEqualTo("Translated text too long");
		assertThat(TemplateRecheck.title(999)).isEqualTo("Template send refused");
	}

	@Test
	void onlyAFailureCarriesAnError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TemplateDecision(TemplateDecision.Kind.FAIL, null, List.of(), "no error"));
		assertThatIllegalArgumentException().isThrownBy(() -> new TemplateDecision(TemplateDecision.Kind.SEND,
				ErrorInfo.of(132015, "Template is paused", null), List.of(), "an error"));
	}

	private static TemplateLookup known(MessageTemplate... templates) {
		return TemplateLookup.of(TemplateCatalog.of(List.of(templates)));
	}

	static MessageTemplate orderReady(String language, String status) {
		return new MessageTemplate("tpl-" + language, "order_ready", language, status, "UTILITY", "POSITIONAL",
				List.of(new MessageTemplate.Component("BODY", null, "Hi {{1}}, your order is ready.", null, null)),
				null, null, null);
	}

	static MetaMessage send(String name, String language, String... bodyValues) {
		List<MetaMessage.Component> components = (bodyValues.length == 0) ? null
				: List.of(new MetaMessage.Component("body", null, null,
						List.of(bodyValues).stream().map(MetaMessage.Parameter::text).toList()));
		return MetaMessage.template(RECIPIENT,
				new MetaMessage.Template(name, MetaMessage.Language.of(language), components));
	}

}
