package com.waplatform.simulator.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.waplatform.common.json.Json;
import com.waplatform.simulator.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Send requests for the simulator's tests: Meta's samples made sendable (a real
 * recipient, templates that exist) and hand-written ones.
 */
final class SendRequests {

	static final String RECIPIENT = "+16505551234";

	/**
	 * The spec's template samples all use {@code template-name}; each is mapped onto a
	 * template of matching structure that {@link #SAMPLE_TEMPLATES} seeds.
	 */
	static final Map<String, String> TEMPLATE_OF_SAMPLE = Map.of(
			"spec_req_send_template_body_text_currency_datetime.json", "sample_body_currency_datetime",
			"spec_req_send_template_header_image_quick_reply_buttons.json", "sample_header_image_buttons",
			"spec_req_send_template_media.json", "sample_header_image");

	static final String SAMPLE_LANGUAGE = "en_US";

	static final List<String> SAMPLE_TEMPLATES = List.of("""
			{"name":"sample_body_currency_datetime","language":"en_US","status":"APPROVED","category":"UTILITY",
			 "components":[{"type":"BODY","text":"Hi {{1}}, you paid {{2}} on {{3}}."}]}""", """
			{"name":"sample_header_image_buttons","language":"en_US","status":"APPROVED","category":"MARKETING",
			 "components":[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"Hi {{1}}, {{2}} off until {{3}}."},
			 {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Yes"},{"type":"QUICK_REPLY","text":"No"}]}]}""",
			"""
					{"name":"sample_header_image","language":"en_US","status":"APPROVED","category":"UTILITY",
					 "components":[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"Hi {{1}}, {{2}} due {{3}}."}]}""");

	private SendRequests() {
	}

	static List<String> sendSampleFiles() {
		try (Stream<Path> files = Files.list(Path.of(Samples.class.getResource("/meta-samples/api").toURI()))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith("spec_req_send_"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A sample as the simulator should accept it. */
	static ObjectNode sendableSample(String file) {
		ObjectNode request = (ObjectNode) Samples.json("api/" + file);
		if (request.has("to")) {
			request.put("to", RECIPIENT);
		}
		if (request.has("template")) {
			ObjectNode template = (ObjectNode) request.get("template");
			template.put("name", TEMPLATE_OF_SAMPLE.get(file));
			((ObjectNode) template.get("language")).put("code", SAMPLE_LANGUAGE);
		}
		return request;
	}

	static ObjectNode json(String json) {
		return (ObjectNode) Json.mapper().readTree(json);
	}

	static ObjectNode text(String to, String body) {
		ObjectNode request = json("""
				{"messaging_product":"whatsapp","recipient_type":"individual","type":"text","text":{}}""");
		request.put("to", to);
		((ObjectNode) request.get("text")).put("body", body);
		return request;
	}

	static JsonNode template(String to, String templateJson) {
		ObjectNode request = json("""
				{"messaging_product":"whatsapp","recipient_type":"individual","type":"template"}""");
		request.put("to", to);
		request.set("template", json(templateJson));
		return request;
	}

}
