package com.waplatform.gateway.admin.domain;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waplatform.common.conversation.ConversationSettings;
import com.waplatform.common.conversation.ConversationSettings.AutoReplyRule;
import com.waplatform.common.conversation.ConversationSettings.OutOfHoursReply;
import com.waplatform.common.conversation.ConversationSettings.TemplateChoice;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@link ConversationSettings} in the shape {@link ConversationSettingsReader}
 * reads: what the admin API answers and what the gateway stores.
 */
public final class ConversationSettingsWriter {

	private ConversationSettingsWriter() {
	}

	/** The settings as JSON members (days in week order, times as {@code HH:mm}). */
	public static Map<String, Object> write(ConversationSettings settings) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("optOutKeywords", settings.optOutKeywords());
		json.put("optInKeywords", settings.optInKeywords());
		json.put("windowFallback", (settings.windowFallback() != null) ? template(settings.windowFallback()) : null);
		List<Map<String, Object>> rules = new ArrayList<>();
		for (AutoReplyRule rule : settings.autoReplies()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("keyword", rule.keyword());
			reply(entry, rule.text(), rule.template());
			rules.add(entry);
		}
		json.put("autoReplies", rules);
		OutOfHoursReply outOfHours = settings.outOfHours();
		if (outOfHours == null) {
			json.put("outOfHours", null);
		}
		else {
			Map<String, Object> hours = new LinkedHashMap<>();
			hours.put("days", EnumSet.copyOf(outOfHours.hours().days()).stream().map(DayOfWeek::name).toList());
			hours.put("opens", SettingsRequestReader.format(outOfHours.hours().opens()));
			hours.put("closes", SettingsRequestReader.format(outOfHours.hours().closes()));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("hours", hours);
			reply(entry, outOfHours.text(), outOfHours.template());
			json.put("outOfHours", entry);
		}
		return json;
	}

	private static void reply(Map<String, Object> entry, @Nullable String text, @Nullable TemplateChoice template) {
		if (text != null) {
			entry.put("text", text);
		}
		if (template != null) {
			entry.put("template", template(template));
		}
	}

	private static Map<String, Object> template(TemplateChoice template) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", template.name());
		json.put("language", template.language());
		json.put("parameters", template.parameters());
		return json;
	}

}
