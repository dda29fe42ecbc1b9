package com.waplatform.support.templates;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateCatalog;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.common.template.TemplateSyncEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Every instance's view of the templates of every WhatsApp Business Account, rebuilt from
 * the compacted {@code wa.template-sync} topic: each instance reads the whole topic under
 * its own consumer group and keeps the latest {@link TemplateSnapshot} per key
 * {@code {wabaId}:{name}:{language}}; a tombstone (null value) forgets the key.
 *
 * <p>
 * A WABA counts as {@linkplain #loaded(String) loaded} once one snapshot of it has been
 * seen, so callers can tell "this template does not exist" from "this instance has not
 * caught up yet" (an account with no template at all is never loaded).
 */
public class TemplateDirectory {

	private final Map<String, Map<String, TemplateSnapshot>> byWaba = new ConcurrentHashMap<>();

	private final Set<String> loadedWabas = ConcurrentHashMap.newKeySet();

	@KafkaListener(topics = "#{T(com.waplatform.common.kafka.Topics).TEMPLATE_SYNC.name()}",
			groupId = "#{T(java.util.UUID).randomUUID().toString()}",
			properties = ConsumerConfig.AUTO_OFFSET_RESET_CONFIG + "=earliest")
	void onTemplateSync(ConsumerRecord<String, @Nullable TemplateSyncEvent> record) {
		if (record.value() == null) {
			remove(record.key());
		}
		else if (record.value() instanceof TemplateSnapshot snapshot) {
			apply(snapshot);
		}
	}

	/** Applies a snapshot directly (tests, or a producer that sees its own writes). */
	public void apply(TemplateSnapshot snapshot) {
		this.loadedWabas.add(snapshot.wabaId());
		this.byWaba.computeIfAbsent(snapshot.wabaId(), (wabaId) -> new ConcurrentHashMap<>())
			.put(snapshot.key(), snapshot);
	}

	/** Forgets a key {@code {wabaId}:{name}:{language}} (a tombstone). */
	public void remove(@Nullable String key) {
		if (key == null) {
			return;
		}
		int colon = key.indexOf(':');
		String wabaId = (colon > 0) ? key.substring(0, colon) : key;
		Map<String, TemplateSnapshot> snapshots = this.byWaba.get(wabaId);
		if (snapshots != null) {
			snapshots.remove(key);
		}
	}

	/** Whether a snapshot of this WABA has been seen (its templates are known). */
	public boolean loaded(String wabaId) {
		return this.loadedWabas.contains(wabaId);
	}

	/** The latest snapshots of the WABA's templates, every status included. */
	public Collection<TemplateSnapshot> snapshots(String wabaId) {
		Map<String, TemplateSnapshot> snapshots = this.byWaba.get(wabaId);
		return (snapshots != null) ? List.copyOf(snapshots.values()) : List.of();
	}

	public Collection<MessageTemplate> templates(String wabaId) {
		return snapshots(wabaId).stream().map(TemplateSnapshot::template).toList();
	}

	/** The WABA's templates for lookup by name and exact language. */
	public TemplateCatalog catalog(String wabaId) {
		return TemplateCatalog.of(templates(wabaId));
	}

	public Optional<TemplateSnapshot> snapshot(String wabaId, String name, String language) {
		Map<String, TemplateSnapshot> snapshots = this.byWaba.get(wabaId);
		return (snapshots != null) ? Optional.ofNullable(snapshots.get(TemplateSnapshot.keyOf(wabaId, name, language)))
				: Optional.empty();
	}

}
