package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.meta.MetaMessage.Component;
import com.waplatform.common.meta.MetaMessage.Media;
import com.waplatform.common.meta.MetaMessage.Parameter;
import com.waplatform.common.template.TemplateShape.ButtonSlot;
import com.waplatform.common.template.TemplateShape.Header;
import org.jspecify.annotations.Nullable;

/**
 * Renders a template send as the customer sees it: {@code {{1}}}/{@code {{name}}}
 * replaced by the parameter values, currency and date-time shown as their
 * {@code fallback_value}, the URL suffix applied to dynamic URL buttons. Rendering does
 * not validate: check with {@link TemplateValidator} first.
 */
public final class TemplateRenderer {

	private TemplateRenderer() {
	}

	public static RenderedTemplate render(MessageTemplate template, MetaMessage.Template send) {
		TemplateShape shape = TemplateShape.of(template);
		SentComponents sent = SentComponents.of(send, new Violations());
		RenderedTemplate.Header header = (shape.header() != null) ? header(shape, shape.header(), sent.header()) : null;
		String body = Placeholders.fill(shape.bodyText(), values(shape.named(), shape.bodyVariables(), sent.body()));
		List<RenderedTemplate.Button> buttons = new ArrayList<>();
		for (ButtonSlot slot : shape.buttons()) {
			buttons.add(button(slot, sent.buttons().get(slot.index())));
		}
		return new RenderedTemplate(header, body, shape.footer(), List.copyOf(buttons));
	}

	private static RenderedTemplate.Header header(TemplateShape shape, Header header, @Nullable Component sent) {
		if (header.isText()) {
			return new RenderedTemplate.Header(header.format(),
					Placeholders.fill(header.text(), values(shape.named(), header.variables(), sent)), null, null, null,
					null);
		}
		Parameter parameter = (sent != null && !sent.parametersOrEmpty().isEmpty()) ? sent.parametersOrEmpty().get(0)
				: null;
		Media media = (parameter != null) ? ParameterValues.media(parameter) : null;
		return new RenderedTemplate.Header(header.format(), null, (media != null) ? media.link() : null,
				(media != null) ? media.id() : null, (media != null) ? media.filename() : null,
				(parameter != null) ? parameter.location() : null);
	}

	/**
	 * Variable name to value: by {@code parameter_name} if named, else the i-th parameter
	 * fills the i-th variable (the numbers in order, see {@link Placeholders}).
	 */
	private static Map<String, String> values(boolean named, List<String> variables, @Nullable Component sent) {
		Map<String, String> values = new HashMap<>();
		List<Parameter> parameters = (sent != null) ? sent.parametersOrEmpty() : List.of();
		for (int i = 0; i < parameters.size(); i++) {
			Parameter parameter = parameters.get(i);
			String name = named ? parameter.parameterName() : (i < variables.size()) ? variables.get(i) : null;
			String value = ParameterValues.text(parameter);
			if (name != null && value != null) {
				values.putIfAbsent(name, value);
			}
		}
		return values;
	}

	private static RenderedTemplate.Button button(ButtonSlot slot, @Nullable Component sent) {
		MessageTemplate.Button button = slot.button();
		Parameter parameter = (sent != null && !sent.parametersOrEmpty().isEmpty()) ? sent.parametersOrEmpty().get(0)
				: null;
		String value = (parameter != null) ? ParameterValues.text(parameter) : null;
		String url = button.url();
		if (slot.dynamicUrl() && value != null) {
			url = Placeholders.fill(url, Map.of(Placeholders.names(url).get(0), value));
		}
		return switch (slot.type()) {
			case "QUICK_REPLY" -> new RenderedTemplate.Button(slot.type(), button.text(), null, null, value, null);
			case "COPY_CODE", "OTP" -> new RenderedTemplate.Button(slot.type(), button.text(), null, null, null, value);
			default -> new RenderedTemplate.Button(slot.type(), button.text(), url, button.phoneNumber(), null, null);
		};
	}

}
