package com.waplatform.simulator.templates;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.simulator.graph.GraphException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TemplateSendCheckTests {

	private static final Map<String, MessageTemplate> SEEDS = SeedTemplates.load()
		.stream()
		.collect(Collectors.toMap(MessageTemplate::name, (template) -> template));

	@Test
	void countsPositionalPlaceholders() {
		assertThat(TemplateSignature.of(SEEDS.get("booking_confirmation")).body()).containsExactly("1", "2", "3", "4");
		assertThat(TemplateSignature.of(SEEDS.get("inquiry_received")).body()).hasSize(2);
		assertThat(TemplateSignature.of(SEEDS.get("payment_reminder")).body()).hasSize(3);
		assertThat(TemplateSignature.of(SEEDS.get("tour_details")).body()).hasSize(3);
		assertThat(TemplateSignature.of(SEEDS.get("welcome_message")).body()).hasSize(1);
		TemplateSignature promo = TemplateSignature.of(SEEDS.get("summer_promo"));
		assertThat(promo.header()).containsExactly("1");
		assertThat(promo.body()).hasSize(2);
	}

	@Test
	void readsNamedPlaceholdersAndButtons() {
		TemplateSignature followUp = TemplateSignature.of(SEEDS.get("follow_up"));
		assertThat(followUp.named()).isTrue();
		assertThat(followUp.body()).containsExactly("name");
		TemplateSignature actions = TemplateSignature.of(SEEDS.get("booking_actions"));
		assertThat(actions.buttons()).extracting(TemplateSignature.ButtonSlot::type)
			.containsExactly("QUICK_REPLY", "QUICK_REPLY", "URL", "PHONE_NUMBER");
		assertThat(actions.buttons().get(2).requiresParameter()).isTrue();
		assertThat(TemplateSignature.of(SEEDS.get("tour_photo")).headerParameterCount()).isEqualTo(1);
	}

	@Test
	void rendersTheBody() {
		String rendered = TemplateSendCheck.check(SEEDS.get("booking_confirmation"),
				send("booking_confirmation", body(Parameter.text("Ana"), Parameter.text("Sintra Tour"),
						Parameter.text("June 1"), Parameter.text("BK-7"))));
		assertThat(rendered)
			.isEqualTo("Hi Ana, your booking for Sintra Tour starting June 1 is confirmed. Reference: BK-7.");
		assertThat(TemplateSendCheck.check(SEEDS.get("follow_up"),
				send("follow_up", body(Parameter.namedText("name", "Rui")))))
			.isEqualTo("Hi Rui, how was your trip?");
	}

	@Test
	void rejectsWrongCounts() {
		assertCode(132000, () -> TemplateSendCheck.check(SEEDS.get("welcome_message"), send("welcome_message")));
		assertCode(132000, () -> TemplateSendCheck.check(SEEDS.get("welcome_message"),
				send("welcome_message", body(Parameter.text("a"), Parameter.text("b")))));
		assertCode(132000, () -> TemplateSendCheck.check(SEEDS.get("summer_promo"),
				send("summer_promo", body(Parameter.text("a"), Parameter.text("b")))));
	}

	@Test
	void rejectsMismatchedNamesAndMedia() {
		assertCode(132000, () -> TemplateSendCheck.check(SEEDS.get("follow_up"),
				send("follow_up", body(Parameter.namedText("first_name", "Rui")))));
		Parameter video = new Parameter("video", null, null, null, null, null, null, null,
				new MetaMessage.Media("1", null, null, null));
		assertCode(132012, () -> TemplateSendCheck.check(SEEDS.get("tour_photo"),
				send("tour_photo", new Component("header", null, null, List.of(video)), body(Parameter.text("a")))));
	}

	@Test
	void checksButtons() {
		Component url = new Component("button", "url", "2", List.of(Parameter.text("BK-1")));
		Component quickReply = new Component("button", "quick_reply", "0", List.of(Parameter.payload("yes")));
		TemplateSendCheck.check(SEEDS.get("booking_actions"),
				send("booking_actions", body(Parameter.text("BK-1")), url));
		TemplateSendCheck.check(SEEDS.get("booking_actions"),
				send("booking_actions", body(Parameter.text("BK-1")), url, quickReply));
		assertCode(131009, () -> TemplateSendCheck.check(SEEDS.get("booking_actions"), send("booking_actions",
				body(Parameter.text("BK-1")), url, new Component("button", "url", "7", List.of(Parameter.text("x"))))));
		assertCode(132000, () -> TemplateSendCheck.check(SEEDS.get("booking_actions"), send("booking_actions",
				body(Parameter.text("BK-1")), url, new Component("button", "quick_reply", "1", List.of()))));
		assertCode(131009, () -> TemplateSendCheck.check(SEEDS.get("booking_actions"), send("booking_actions",
				body(Parameter.text("BK-1")), url, new Component("button", "quick_reply", "3", List.of()))));
	}

	@Test
	void positionalParametersFillTheNumbersInOrderWhereverTheyStand() {
		MessageTemplate template = Json.mapper().readValue("""
				{"name":"total","language":"en","status":"APPROVED","parameter_format":"POSITIONAL","components":[
				 {"type":"BODY","text":"Total {{2}} for {{1}}."}]}""", MessageTemplate.class);

		assertThat(TemplateSignature.of(template).body()).containsExactly("1", "2");
		assertThat(TemplateSendCheck.check(template, send("total", body(Parameter.text("Ana"), Parameter.text("€9")))))
			.isEqualTo("Total €9 for Ana.");
	}

	@Test
	void lengthsAreCodePointsAndTheHeaderHasItsLimitToo() {
		String emoji = "\uD83D\uDE00";
		MessageTemplate promo = SEEDS.get("summer_promo");
		Component header = new Component("header", null, null, List.of(Parameter.text("Ana")));
		// the body filled in to 1024 characters, most of them emoji (2 UTF-16 units each)
		int fixed = TemplateSendCheck
			.check(promo, send("summer_promo", header, body(Parameter.text(""), Parameter.text("x"))))
			.length();
		TemplateSendCheck.check(promo,
				send("summer_promo", header, body(Parameter.text(emoji.repeat(1024 - fixed)), Parameter.text("x"))));
		assertCode(132005, () -> TemplateSendCheck.check(promo,
				send("summer_promo", header, body(Parameter.text(emoji.repeat(1025 - fixed)), Parameter.text("x")))));
		// "Summer deals for {{1}}": 17 characters and the parameter, at most 60
		Component body = body(Parameter.text("a"), Parameter.text("b"));
		TemplateSendCheck.check(promo, send("summer_promo",
				new Component("header", null, null, List.of(Parameter.text(emoji.repeat(43)))), body));
		assertCode(132005, () -> TemplateSendCheck.check(promo, send("summer_promo",
				new Component("header", null, null, List.of(Parameter.text("x".repeat(44)))), body)));
	}

	@Test
	void seedTemplatesRoundTripAsMetaListsThem() {
		MessageTemplate promo = SEEDS.get("summer_promo");
		assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(promo), MessageTemplate.class))
			.isEqualTo(promo);
		assertThat(SEEDS).hasSize(10);
		assertThat(SEEDS.values()).allMatch((template) -> "APPROVED".equals(template.status()));
	}

	private static Component body(Parameter... parameters) {
		return new Component("body", null, null, List.of(parameters));
	}

	private static MetaMessage.Template send(String name, Component... components) {
		return new MetaMessage.Template(name, MetaMessage.Language.of("en"), List.of(components));
	}

	private static void assertCode(int code, Runnable check) {
		assertThatExceptionOfType(GraphException.class).isThrownBy(check::run)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code));
	}

}
