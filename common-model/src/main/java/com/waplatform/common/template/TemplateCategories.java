package com.waplatform.common.template;

import com.waplatform.common.meta.MessageTemplate;

/**
 * Meta's template categories, as the rules that depend on them read them: an
 * organization's marketing switch refuses MARKETING templates, whoever sends them (the
 * API, workflow rules).
 */
public final class TemplateCategories {

	public static final String MARKETING = "MARKETING";

	private TemplateCategories() {
	}

	/** Whether Meta lists the template as MARKETING (case as Meta spells it, or not). */
	public static boolean isMarketing(MessageTemplate template) {
		return MARKETING.equalsIgnoreCase(template.category());
	}

}
