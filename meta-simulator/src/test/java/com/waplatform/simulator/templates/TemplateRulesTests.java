package com.waplatform.simulator.templates;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Media;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.simulator.graph.GraphException;
import com.waplatform.simulator.ledger.RenderedMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Meta's template rules beyond parameter counts, and the structured rendering. */
class TemplateRulesTests {

	private static final Map<String, MessageTemplate> SEEDS = SeedTemplates.load()
		.stream()
		.collect(Collectors.toMap(MessageTemplate::name, (template) -> template));

	@Test
	void pausedIs132015DisabledIs132016OtherStatusesAre132001() {
		MetaMessage.Template sent = send("welcome_message", body(Parameter.text("Ana")));
		assertThat(TemplateSendCheck.sendable(Optional.of(SEEDS.get("welcome_message")), sent))
			.isSameAs(SEEDS.get("welcome_message"));
		assertCode(132015, 400, () -> TemplateSendCheck.sendable(Optional.of(withStatus("PAUSED")), sent));
		assertCode(132016, 400, () -> TemplateSendCheck.sendable(Optional.of(withStatus("DISABLED")), sent));
		for (String status : List.of("PENDING", "REJECTED", "IN_APPEAL", "LIMIT_EXCEEDED")) {
			assertCode(132001, 404, () -> TemplateSendCheck.sendable(Optional.of(withStatus(status)), sent));
		}
		assertCode(132001, 404, () -> TemplateSendCheck.sendable(Optional.empty(), sent));
	}

	@Test
	void aBodyOver1024CharactersOnceFilledInIs132005() {
		assertThat(
				TemplateSendCheck.check(SEEDS.get("summer_promo"),
						send("summer_promo", header(Parameter.text("Ana")),
								body(Parameter.text("x".repeat(900)), Parameter.text("15%")))))
			.hasSizeLessThanOrEqualTo(1024);
		assertCode(132005, 400, () -> TemplateSendCheck.check(SEEDS.get("summer_promo"), send("summer_promo",
				header(Parameter.text("Ana")), body(Parameter.text("x".repeat(990)), Parameter.text("15%")))));
	}

	@Test
	void aBodyThatIsTheOnlyComponentMayHave32768CharactersOnceFilledIn() {
		assertThat(TemplateSendCheck.check(SEEDS.get("welcome_message"),
				send("welcome_message", body(Parameter.text("x".repeat(2000))))))
			.hasSizeGreaterThan(1024);
		assertCode(132005, 400, () -> TemplateSendCheck.check(SEEDS.get("welcome_message"),
				send("welcome_message", body(Parameter.text("x".repeat(32768))))));
	}

	@Test
	void parameterFormatMismatchesAre132012() {
		Parameter image = new Parameter("image", null, null, null, null, null, new Media("1", null, null, null), null,
				null);
		assertCode(132012, 400, () -> TemplateSendCheck.check(SEEDS.get("summer_promo"),
				send("summer_promo", header(image), body(Parameter.text("a"), Parameter.text("b")))));
		assertCode(132012, 400, () -> TemplateSendCheck.check(SEEDS.get("tour_photo"),
				send("tour_photo", header(Parameter.text("not an image")), body(Parameter.text("Ana")))));
		assertCode(132012, 400,
				() -> TemplateSendCheck.check(SEEDS.get("welcome_message"), send("welcome_message", body(image))));
		assertCode(132012, 400, () -> TemplateSendCheck.check(SEEDS.get("welcome_message"),
				send("welcome_message", body(Parameter.namedText("name", "Ana")))));
	}

	@Test
	void aDynamicUrlButtonWithoutItsSuffixIs132000() {
		assertCode(132000, 400, () -> TemplateSendCheck.check(SEEDS.get("booking_actions"),
				send("booking_actions", body(Parameter.text("BK-1")))));
		assertCode(132000, 400, () -> TemplateSendCheck.check(SEEDS.get("booking_actions"),
				send("booking_actions", body(Parameter.text("BK-1")), new Component("button", "url", "2", List.of()))));
	}

	@Test
	void rendersWhatTheCustomerSees() {
		RenderedMessage rendered = TemplateSendCheck.render(SEEDS.get("booking_actions"),
				send("booking_actions", body(Parameter.text("BK-7")),
						new Component("button", "quick_reply", "0", List.of(Parameter.payload("confirm-BK-7"))),
						new Component("button", "url", "2", List.of(Parameter.text("BK-7?lang=en")))));
		assertThat(rendered.header()).isNull();
		assertThat(rendered.body()).isEqualTo("Your booking BK-7 is ready. What would you like to do?");
		assertThat(rendered.buttons()).containsExactly(
				new RenderedMessage.Button("QUICK_REPLY", "Confirm", null, null, "confirm-BK-7"),
				new RenderedMessage.Button("QUICK_REPLY", "Cancel", null, null, null), new RenderedMessage.Button("URL",
						"Manage booking", "https://bookings.example.com/manage/BK-7?lang=en", null, null),
				new RenderedMessage.Button("PHONE_NUMBER", "Call us", null, "+15550100200", null));
		RenderedMessage promo = TemplateSendCheck.render(SEEDS.get("summer_promo"), send("summer_promo",
				header(Parameter.text("Ana")), body(Parameter.text("20%"), Parameter.text("June"))));
		assertThat(promo.header())
			.isEqualTo(new RenderedMessage.Header("TEXT", "Summer deals for Ana", null, null, null));
		assertThat(promo.footer()).isNotBlank();
		Parameter document = new Parameter("document", null, null, null, null, null, null,
				new Media(null, "https://files.example.com/it.pdf", null, "itinerary.pdf"), null);
		RenderedMessage itinerary = TemplateSendCheck.render(SEEDS.get("itinerary_document"),
				send("itinerary_document", header(document), body(Parameter.text("Ana"))));
		assertThat(itinerary.header()).isEqualTo(new RenderedMessage.Header("DOCUMENT", null,
				"https://files.example.com/it.pdf", null, "itinerary.pdf"));
	}

	@Test
	void otpButtonsAreSentWithSubTypeUrlAndCodesAreRendered() {
		MessageTemplate authentication = TemplateCatalog.template(35);
		assertThat(authentication.category()).isEqualTo("AUTHENTICATION");
		RenderedMessage otp = TemplateSendCheck.render(authentication,
				send(authentication.name(), body(Parameter.text("482913")),
						new Component("button", "url", "0", List.of(Parameter.text("482913")))));
		assertThat(otp.buttons()).containsExactly(new RenderedMessage.Button("OTP", "Copy code", null, null, "482913"));
		assertCode(131009, 400,
				() -> TemplateSendCheck.render(authentication,
						send(authentication.name(), body(Parameter.text("482913")),
								new Component("button", "otp", "0", List.of(Parameter.text("482913"))))));

		MessageTemplate copyCode = TemplateCatalog.template(20);
		RenderedMessage coupon = TemplateSendCheck.render(copyCode,
				send(copyCode.name(),
						header(Parameter.document(new Media(null, "https://files.example.com/o.pdf", null, null))),
						body(Parameter.text("Ana")),
						new Component("button", "copy_code", "0", List.of(Parameter.couponCode("SAVE20")))));
		assertThat(coupon.buttons())
			.containsExactly(new RenderedMessage.Button("COPY_CODE", "Copy offer code", null, null, "SAVE20"));
	}

	private static MessageTemplate withStatus(String status) {
		MessageTemplate template = SEEDS.get("welcome_message");
		return new MessageTemplate(template.id(), template.name(), template.language(), status, template.category(),
				template.parameterFormat(), template.components(), null, null, null);
	}

	private static Component header(Parameter... parameters) {
		return new Component("header", null, null, List.of(parameters));
	}

	private static Component body(Parameter... parameters) {
		return new Component("body", null, null, List.of(parameters));
	}

	private static MetaMessage.Template send(String name, Component... components) {
		return new MetaMessage.Template(name, MetaMessage.Language.of("en"), List.of(components));
	}

	private static void assertCode(int code, int httpStatus, Runnable check) {
		assertThatExceptionOfType(GraphException.class).isThrownBy(check::run).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.httpStatus()).isEqualTo(httpStatus);
		});
	}

}
