package com.waplatform.template.meta;

import java.util.List;

import com.waplatform.common.meta.MessageTemplate;

/**
 * The complete list of a WhatsApp Business Account's templates.
 *
 * @param pages how many pages Meta served it in
 */
public record TemplateListing(int pages, List<MessageTemplate> templates) {

	public TemplateListing {
		templates = List.copyOf(templates);
	}

}
