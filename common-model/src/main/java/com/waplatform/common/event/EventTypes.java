package com.waplatform.common.event;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.message.SendRequest;
import com.waplatform.common.message.StatusEvent;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.common.webhook.WebhookReceived;

/**
 * The one mapping between logical event type names (the {@code ce_type} header) and
 * records. Immutable: adding an event type means adding a line here.
 */
public final class EventTypes {

	private static final Map<Class<?>, String> NAMES = Map.of(SendRequest.class, "message.send-requested",
			StatusEvent.class, "message.status", TemplateSnapshot.class, "template.snapshot", WebhookReceived.class,
			"meta.webhook-received", InboundMessage.class, "message.inbound", PhoneNumberConfigured.class,
			"account.phone-number-configured", TemplateUpdated.class, "template.updated", OrganizationSettings.class,
			"account.organization-settings");

	private static final Map<String, Class<?>> CLASSES = NAMES.entrySet()
		.stream()
		.collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

	private EventTypes() {
	}

	public static String typeOf(Class<?> type) {
		String name = NAMES.get(type);
		if (name == null) {
			throw new IllegalArgumentException("Not a registered event type: " + type.getSimpleName());
		}
		return name;
	}

	public static Optional<Class<?>> classOf(String typeName) {
		return Optional.ofNullable(CLASSES.get(typeName));
	}

}
