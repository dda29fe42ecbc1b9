package com.waplatform.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.waplatform.common.meta.WebhookPayload;
import com.waplatform.webhook.routing.domain.WebhookPayloads;

/**
 * The real Meta webhook samples in {@code src/test/resources/samples} (provenance in
 * {@code PROVENANCE.md} there).
 */
public final class WebhookSamples {

	private WebhookSamples() {
	}

	public static String raw(String name) {
		try (InputStream in = WebhookSamples.class.getResourceAsStream("/samples/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No sample " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static WebhookPayload payload(String name) {
		return WebhookPayloads.parse(raw(name));
	}

	public static WebhookPayload.MessagesValue messagesValue(String name) {
		return WebhookPayloads.value(payload(name).entry().get(0).changes().get(0), WebhookPayload.MessagesValue.class);
	}

}
