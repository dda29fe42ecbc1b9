package com.waplatform.gateway.messages.domain;

import java.util.Optional;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MetaMessage.Interactive;
import com.waplatform.common.meta.MetaMessage.Language;
import com.waplatform.common.meta.MetaMessage.Media;
import com.waplatform.common.meta.MetaMessage.Reaction;
import com.waplatform.common.meta.MetaMessage.Template;
import com.waplatform.common.meta.MetaMessage.Text;
import com.waplatform.common.template.TextLimits;
import com.waplatform.gateway.templates.domain.TemplateArgumentsReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the object of each message type (Meta's field names) and checks what Meta would
 * reject anyway, so that the caller hears it at once with the field named.
 */
final class MessageObjects {

	static final int MAX_TEXT_LENGTH = 4096;

	static final int MAX_TEMPLATE_NAME_LENGTH = TextLimits.TEMPLATE_NAME;

	private MessageObjects() {
	}

	static @Nullable Text text(JsonNode node, Issues issues) {
		String body = issues.requiredString(node, "body", "text.body");
		Boolean previewUrl = issues.bool(node, "preview_url", "text.preview_url");
		if (body != null && body.codePointCount(0, body.length()) > MAX_TEXT_LENGTH) {
			issues.invalid("text.body", "must be at most " + MAX_TEXT_LENGTH + " characters");
		}
		return (body != null) ? new Text(body, previewUrl) : null;
	}

	/**
	 * The template's name and language; its {@code parameters} and {@code components} are
	 * read by {@link TemplateArgumentsReader} and expanded once the template is known.
	 */
	static @Nullable Template template(JsonNode node, Issues issues) {
		String name = issues.requiredString(node, "name", "template.name");
		if (name != null && name.length() > MAX_TEMPLATE_NAME_LENGTH) {
			issues.invalid("template.name", "must be at most " + MAX_TEMPLATE_NAME_LENGTH + " characters");
		}
		Language language = language(node.get("language"), issues);
		return (name != null && language != null) ? new Template(name, language, null) : null;
	}

	/** Meta's {@code {"code": "en_US"}}, or the code alone as a shorthand. */
	private static @Nullable Language language(@Nullable JsonNode node, Issues issues) {
		if (node == null || node.isNull()) {
			issues.invalid("template.language", "is required, e.g. {\"code\": \"en_US\"}");
			return null;
		}
		if (node.isString()) {
			return languageCode(node.stringValue(), issues);
		}
		if (!node.isObject()) {
			issues.malformed("template.language", "must be an object with a code, or a language code");
			return null;
		}
		String code = issues.requiredString(node, "code", "template.language.code");
		String policy = issues.string(node, "policy", "template.language.policy");
		return (code != null) ? new Language(code, policy) : null;
	}

	private static @Nullable Language languageCode(String code, Issues issues) {
		if (code.isBlank()) {
			issues.invalid("template.language", "must not be blank");
			return null;
		}
		return Language.of(code);
	}

	static @Nullable Media media(String type, JsonNode node, Issues issues) {
		String id = issues.string(node, "id", type + ".id");
		String link = issues.string(node, "link", type + ".link");
		String caption = issues.string(node, "caption", type + ".caption");
		String filename = issues.string(node, "filename", type + ".filename");
		if (id == null && link == null) {
			issues.invalid(type, "needs an uploaded media id or a link");
			return null;
		}
		if (id != null && link != null) {
			issues.invalid(type, "give either id or link, not both");
		}
		if (link != null && !(link.startsWith("https://") || link.startsWith("http://"))) {
			issues.invalid(type + ".link", "must be an http(s) URL");
		}
		return new Media(id, link, caption, filename);
	}

	static @Nullable Interactive interactive(JsonNode node, Issues issues) {
		String type = issues.requiredString(node, "type", "interactive.type");
		if (node.get("action") == null || node.get("action").isNull()) {
			issues.invalid("interactive.action", "is required");
		}
		boolean malformedBefore = issues.anyMalformed();
		RichMessageObjects.interactive(node, type, issues);
		if (type == null || (!malformedBefore && issues.anyMalformed())) {
			return null;
		}
		return convert(node, Interactive.class, "interactive", issues).orElse(null);
	}

	static @Nullable Reaction reaction(JsonNode node, Issues issues) {
		String messageId = issues.requiredString(node, "message_id", "reaction.message_id");
		String emoji = issues.string(node, "emoji", "reaction.emoji");
		if (emoji == null) {
			issues.invalid("reaction.emoji", "is required (an empty string removes the reaction)");
		}
		return (messageId != null && emoji != null) ? new Reaction(messageId, emoji) : null;
	}

	private static <T> Optional<T> convert(JsonNode node, Class<T> type, String path, Issues issues) {
		try {
			return Optional.ofNullable(Json.mapper().treeToValue(node, type));
		}
		catch (JacksonException ex) {
			issues.malformed(path, ex);
			return Optional.empty();
		}
	}

}
