package com.waplatform.common.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.meta.MetaMessage.Component;
import org.jspecify.annotations.Nullable;

/**
 * What a caller gives for a template's variables: our shorthand {@code parameters} (a
 * list for positional variables or a name-to-value map) and/or Meta's {@code components}
 * (needed for media headers and buttons). The shorthand can only be expanded once the
 * template is known.
 *
 * @param positional the values of {@code {{1}}..{{n}}}, or null
 * @param named the values by variable name (or number), or null
 * @param components Meta components given as is
 */
public record TemplateArguments(@Nullable List<String> positional, @Nullable Map<String, String> named,
		List<Component> components) {

	public TemplateArguments {
		positional = (positional != null) ? List.copyOf(positional) : null;
		named = (named != null) ? Map.copyOf(named) : null;
		components = List.copyOf(components);
	}

	public static TemplateArguments none() {
		return new TemplateArguments(null, null, List.of());
	}

	public static TemplateArguments ofComponents(List<Component> components) {
		return new TemplateArguments(null, null, components);
	}

	public boolean hasParameters() {
		return this.positional != null || this.named != null;
	}

	/**
	 * The components to send with {@code template}: the shorthand expanded with
	 * common-model's {@link TemplateParameters}, then the given components. Nothing is
	 * dropped: a component given twice is reported by the validator.
	 */
	public List<Component> componentsFor(MessageTemplate template) {
		List<Component> components = new ArrayList<>();
		if (this.positional != null) {
			components.addAll(TemplateParameters.expand(template, this.positional));
		}
		else if (this.named != null) {
			components.addAll(TemplateParameters.expand(template, this.named));
		}
		components.addAll(this.components);
		return List.copyOf(components);
	}

}
