package com.waplatform.common.event;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.waplatform.common.account.OrganizationSettings;
import com.waplatform.common.account.NumberHealth;
import com.waplatform.common.account.PhoneNumberConfigured;
import com.waplatform.common.account.SendingState;
import com.waplatform.common.conversation.SuppressionChanged;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.inbound.UserPreference;
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

	private static final Map<Class<?>, String> NAMES = Map.ofEntries(
			Map.entry(SendRequest.class, "message.send-requested"), Map.entry(StatusEvent.class, "message.status"),
			Map.entry(TemplateSnapshot.class, "template.snapshot"),
			Map.entry(WebhookReceived.class, "meta.webhook-received"),
			Map.entry(InboundMessage.class, "message.inbound"),
			Map.entry(UserPreference.class, "customer.user-preference"),
			Map.entry(PhoneNumberConfigured.class, "account.phone-number-configured"),
			Map.entry(TemplateUpdated.class, "template.updated"),
			Map.entry(OrganizationSettings.class, "account.organization-settings"),
			Map.entry(NumberHealth.class, "account.number-health"),
			Map.entry(SendingState.class, "account.sending-state"),
			Map.entry(SuppressionChanged.class, "customer.suppression-changed"));

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
