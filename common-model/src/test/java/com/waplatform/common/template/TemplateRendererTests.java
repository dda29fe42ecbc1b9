package com.waplatform.common.template;

import com.waplatform.common.meta.MetaMessage;
import org.junit.jupiter.api.Test;

import static com.waplatform.common.template.TemplateFixtures.BOOKING;
import static com.waplatform.common.template.TemplateFixtures.BOOKING_SEND;
import static com.waplatform.common.template.TemplateFixtures.FOLLOW_UP;
import static com.waplatform.common.template.TemplateFixtures.FOLLOW_UP_SEND;
import static com.waplatform.common.template.TemplateFixtures.buttonSend;
import static com.waplatform.common.template.TemplateFixtures.buttonTemplate;
import static com.waplatform.common.template.TemplateFixtures.mediaSend;
import static com.waplatform.common.template.TemplateFixtures.mediaTemplate;
import static com.waplatform.common.template.TemplateFixtures.send;
import static com.waplatform.common.template.TemplateFixtures.template;
import static com.waplatform.common.template.TemplateFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class TemplateRendererTests {

	@Test
	void rendersAPositionalTemplateAsTheCustomerSeesIt() {
		RenderedTemplate rendered = render(BOOKING, BOOKING_SEND);
		assertThat(rendered.header())
			.isEqualTo(new RenderedTemplate.Header("TEXT", "Booking BK-1042", null, null, null, null));
		assertThat(rendered.body())
			.isEqualTo("Hi Ana, your tour Old Town Walk starts June 1, 2026 09:30. Total: €120.00.");
		assertThat(rendered.footer()).isEqualTo("Lisbon Tours");
		assertThat(rendered.buttons()).containsExactly(
				new RenderedTemplate.Button("QUICK_REPLY", "Confirm", null, null, "CONFIRM_BK-1042", null),
				new RenderedTemplate.Button("URL", "Manage booking", "https://tours.example/manage/bk-1042?lang=en",
						null, null, null),
				new RenderedTemplate.Button("PHONE_NUMBER", "Call us", null, "+15550100200", null, null),
				new RenderedTemplate.Button("COPY_CODE", "Copy offer code", null, null, null, "SUMMER25"),
				new RenderedTemplate.Button("URL", "Website", "https://tours.example", null, null, null));
	}

	@Test
	void rendersNamedVariablesWhereverTheyAppear() {
		RenderedTemplate rendered = render(FOLLOW_UP, FOLLOW_UP_SEND);
		assertThat(rendered.header().text()).isEqualTo("Welcome back from Lisbon");
		assertThat(rendered.body()).isEqualTo("Hi Ana, how was the Old Town Walk? Ana, rate it below.");
		assertThat(rendered.footer()).isNull();
		assertThat(rendered.buttons())
			.containsExactly(new RenderedTemplate.Button("QUICK_REPLY", "Loved it", null, null, null, null));
	}

	@Test
	void keepsThePlaceholdersOfMissingValues() {
		RenderedTemplate rendered = render(BOOKING, """
				{"name":"booking_update","language":{"code":"en_US"},"components":[
				  {"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}
				""");
		assertThat(rendered.header().text()).isEqualTo("Booking {{1}}");
		assertThat(rendered.body()).isEqualTo("Hi Ana, your tour {{2}} starts {{3}}. Total: {{4}}.");
		assertThat(rendered.buttons().get(1).url()).isEqualTo("https://tours.example/manage/{{1}}");
		assertThat(rendered.buttons().get(0).payload()).isNull();
	}

	@Test
	void rendersAnImageHeaderByLink() {
		assertThat(render(mediaTemplate("IMAGE"),
				mediaSend("IMAGE", "{\"type\":\"image\",\"image\":{\"link\":\"https://x.example/tour.jpg\"}}"))
			.header())
			.isEqualTo(new RenderedTemplate.Header("IMAGE", null, "https://x.example/tour.jpg", null, null, null));
	}

	@Test
	void rendersAVideoHeaderById() {
		assertThat(
				render(mediaTemplate("VIDEO"), mediaSend("VIDEO", "{\"type\":\"video\",\"video\":{\"id\":\"4711\"}}"))
					.header())
			.isEqualTo(new RenderedTemplate.Header("VIDEO", null, null, "4711", null, null));
	}

	@Test
	void rendersADocumentHeaderWithItsFileName() {
		RenderedTemplate rendered = render(mediaTemplate("DOCUMENT"), mediaSend("DOCUMENT",
				"{\"type\":\"document\",\"document\":{\"link\":\"https://x.example/i.pdf\",\"filename\":\"itinerary.pdf\"}}"));
		assertThat(rendered.header()).isEqualTo(
				new RenderedTemplate.Header("DOCUMENT", null, "https://x.example/i.pdf", null, "itinerary.pdf", null));
		assertThat(rendered.body()).isEqualTo("Hi Ana, see above.");
	}

	@Test
	void rendersALocationHeader() {
		assertThat(render(mediaTemplate("LOCATION"), mediaSend("LOCATION",
				"{\"type\":\"location\",\"location\":{\"latitude\":\"38.7077\",\"longitude\":\"-9.1365\",\"name\":\"Praça do Comércio\"}}"))
			.header())
			.isEqualTo(new RenderedTemplate.Header("LOCATION", null, null, null, null,
					new MetaMessage.Location("38.7077", "-9.1365", "Praça do Comércio", null)));
	}

	@Test
	void rendersAHeaderWithoutVariables() {
		RenderedTemplate rendered = render("""
				{"name":"hello_world","language":"en_US","status":"APPROVED","components":[
				  {"type":"HEADER","format":"TEXT","text":"Hello World"},{"type":"BODY","text":"Welcome!"}]}
				""", "{\"name\":\"hello_world\",\"language\":{\"code\":\"en_US\"}}");
		assertThat(rendered.header().text()).isEqualTo("Hello World");
		assertThat(rendered.body()).isEqualTo("Welcome!");
		assertThat(rendered.buttons()).isEmpty();
		assertThat(render(
				"{\"name\":\"x\",\"language\":\"en\",\"status\":\"APPROVED\",\"components\":[{\"type\":\"BODY\",\"text\":\"x\"}]}",
				"{\"name\":\"x\",\"language\":{\"code\":\"en\"}}")
			.header()).isNull();
	}

	@Test
	void rendersOtpFlowCatalogAndMultiProductButtons() {
		RenderedTemplate rendered = render(buttonTemplate("""
				{"type":"OTP","otp_type":"COPY_CODE","text":"Copy code"},{"type":"FLOW","text":"Book now"},
				{"type":"CATALOG","text":"View catalog"},{"type":"MPM","text":"View items"}"""), buttonSend(
				"{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}]}"));
		assertThat(rendered.buttons()).containsExactly(
				new RenderedTemplate.Button("OTP", "Copy code", null, null, null, "123456"),
				new RenderedTemplate.Button("FLOW", "Book now", null, null, null, null),
				new RenderedTemplate.Button("CATALOG", "View catalog", null, null, null, null),
				new RenderedTemplate.Button("MPM", "View items", null, null, null, null));
	}

	@Test
	void currencyAndDateTimeShowTheirFallbackValue() {
		RenderedTemplate rendered = render(with(BOOKING, "Total: {{4}}", "Total: {{4}} on {{5}}"),
				with(BOOKING_SEND, "\"amount_1000\":120000}}", "\"amount_1000\":120000}},"
						+ "{\"type\":\"date_time\",\"date_time\":{\"fallback_value\":\"Monday\",\"day_of_week\":1}}"));
		assertThat(rendered.body()).endsWith("Total: €120.00 on Monday.");
	}

	private static RenderedTemplate render(String template, String send) {
		return TemplateRenderer.render(template(template), send(send));
	}

}
