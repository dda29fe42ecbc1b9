package com.waplatform.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.webhook.routing.domain.WebhookPayloads;
import tools.jackson.databind.JsonNode;

/**
 * The real Meta webhook samples in {@code src/test/resources/samples} (provenance in
 * {@code PROVENANCE.md} there).
 */
public final class WebhookSamples {

	private WebhookSamples() {
	}

	public static String raw(String name) {
		return resource("/samples/" + name + ".json");
	}

	private static String resource(String path) {
		try (InputStream in = WebhookSamples.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No sample " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A file of {@code src/test/resources/webhooks-real} (a copy of
	 * {@code shared/meta/samples/webhooks-real}, provenance in {@code SOURCES.tsv}
	 * there), by its name without {@code .json}.
	 */
	public static String realRaw(String name) {
		return resource("/webhooks-real/" + name + ".json");
	}

	/** The {@code value} of the first change of a real sample. */
	public static JsonNode realValue(String name) {
		return WebhookPayloads.parse(realRaw(name)).entry().get(0).changes().get(0).value();
	}

	public static WebhookPayload payload(String name) {
		return WebhookPayloads.parse(raw(name));
	}

	public static WebhookPayload.MessagesValue messagesValue(String name) {
		return WebhookPayloads.value(payload(name).entry().get(0).changes().get(0), WebhookPayload.MessagesValue.class);
	}

}
