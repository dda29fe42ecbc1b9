package com.waplatform.simulator.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.waplatform.common.meta.MessageTemplate;
import org.jspecify.annotations.Nullable;

/**
 * The templates of each WABA, in creation order. A WABA gets the seed templates the first
 * time it is touched. Replacing a template (same name and language) keeps its id.
 */
public class TemplateStore {

	private final Map<String, Map<String, MessageTemplate>> byWaba = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(1_900_000_000_000_000L);

	private final List<MessageTemplate> seeds;

	private final Function<String, List<MessageTemplate>> catalog;

	public TemplateStore(List<MessageTemplate> seeds) {
		this(seeds, (wabaId) -> List.of());
	}

	/**
	 * @param seeds templates every WABA starts with
	 * @param catalog further templates a WABA starts with (generated), by WABA id
	 */
	public TemplateStore(List<MessageTemplate> seeds, Function<String, List<MessageTemplate>> catalog) {
		this.seeds = List.copyOf(seeds);
		this.catalog = catalog;
	}

	public List<MessageTemplate> list(String wabaId) {
		Map<String, MessageTemplate> templates = templates(wabaId);
		synchronized (templates) {
			return List.copyOf(templates.values());
		}
	}

	public Optional<MessageTemplate> find(String wabaId, String name, String language) {
		Map<String, MessageTemplate> templates = templates(wabaId);
		synchronized (templates) {
			return Optional.ofNullable(templates.get(key(name, language)));
		}
	}

	/** Adds the template or replaces the one with its name and language. */
	public MessageTemplate put(String wabaId, MessageTemplate template) {
		Map<String, MessageTemplate> templates = templates(wabaId);
		synchronized (templates) {
			return store(templates, template);
		}
	}

	/** Adds the template unless one with its name and language exists. */
	public Optional<MessageTemplate> create(String wabaId, MessageTemplate template) {
		Map<String, MessageTemplate> templates = templates(wabaId);
		synchronized (templates) {
			if (templates.containsKey(key(template.name(), template.language()))) {
				return Optional.empty();
			}
			return Optional.of(store(templates, template));
		}
	}

	/**
	 * Deletes every language of the named template (or only the one with {@code id});
	 * returns what was deleted.
	 */
	public List<MessageTemplate> delete(String wabaId, String name, @Nullable String id) {
		Map<String, MessageTemplate> templates = templates(wabaId);
		synchronized (templates) {
			List<MessageTemplate> deleted = templates.values()
				.stream()
				.filter((template) -> template.name().equals(name) && (id == null || id.equals(template.id())))
				.toList();
			deleted.forEach((template) -> templates.remove(key(template.name(), template.language())));
			return deleted;
		}
	}

	/**
	 * Sets the quality score; returns the template before and after, if it exists.
	 */
	public Optional<QualityChange> changeQuality(String wabaId, String name, String language, String score,
			long epochSecond) {
		Map<String, MessageTemplate> templates = templates(wabaId);
		synchronized (templates) {
			MessageTemplate current = templates.get(key(name, language));
			if (current == null) {
				return Optional.empty();
			}
			MessageTemplate updated = new MessageTemplate(current.id(), current.name(), current.language(),
					current.status(), current.category(), current.parameterFormat(), current.components(),
					new MessageTemplate.QualityScore(score, epochSecond), current.rejectedReason(),
					current.subCategory());
			templates.put(key(name, language), updated);
			return Optional.of(new QualityChange(current, updated));
		}
	}

	public Optional<MessageTemplate> changeStatus(String wabaId, String name, String language, String status) {
		Map<String, MessageTemplate> templates = templates(wabaId);
		synchronized (templates) {
			MessageTemplate current = templates.get(key(name, language));
			if (current == null) {
				return Optional.empty();
			}
			return Optional.of(store(templates, withStatus(current, status)));
		}
	}

	private Map<String, MessageTemplate> templates(String wabaId) {
		return this.byWaba.computeIfAbsent(wabaId, (id) -> {
			Map<String, MessageTemplate> templates = new LinkedHashMap<>();
			this.seeds.forEach((seed) -> store(templates, seed));
			this.catalog.apply(wabaId).forEach((template) -> store(templates, template));
			return templates;
		});
	}

	private MessageTemplate store(Map<String, MessageTemplate> templates, MessageTemplate template) {
		String key = key(template.name(), template.language());
		MessageTemplate existing = templates.get(key);
		String id = (existing != null) ? existing.id() : template.id();
		if (id == null) {
			id = Long.toString(this.ids.incrementAndGet());
		}
		String status = (template.status() != null) ? template.status() : "APPROVED";
		MessageTemplate stored = new MessageTemplate(id, template.name(), template.language(), status,
				template.category(), template.parameterFormat(), copy(template.components()), template.qualityScore(),
				template.rejectedReason(), template.subCategory());
		templates.put(key, stored);
		return stored;
	}

	private static MessageTemplate withStatus(MessageTemplate template, String status) {
		return new MessageTemplate(template.id(), template.name(), template.language(), status, template.category(),
				template.parameterFormat(), template.components(), template.qualityScore(), template.rejectedReason(),
				template.subCategory());
	}

	private static <T> List<T> copy(List<T> list) {
		return (list != null) ? List.copyOf(new ArrayList<>(list)) : null;
	}

	private static String key(String name, String language) {
		return name + "\u0000" + language;
	}

	/** A template before and after a quality change. */
	public record QualityChange(MessageTemplate before, MessageTemplate after) {

		public String previousScore() {
			return (this.before.qualityScore() != null) ? this.before.qualityScore().score() : "UNKNOWN";
		}

	}

}
