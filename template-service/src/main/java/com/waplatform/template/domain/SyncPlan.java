package com.waplatform.template.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.waplatform.common.meta.MessageTemplate;

import static com.waplatform.template.domain.StoredTemplate.DELETED;

/**
 * What one sync must write: the difference between Meta's full list of a WhatsApp
 * Business Account's templates and what was stored before. Only a complete list may be
 * diffed: a template missing from a partial list would be taken as deleted.
 *
 * @param added new templates, or templates listed again after they had been deleted
 * @param changed templates whose version (or owning organization) changed
 * @param removed stored templates that Meta no longer lists, as {@code DELETED} versions
 * @param unchanged templates listed with the version already stored
 */
public record SyncPlan(List<VersionedTemplate> added, List<VersionedTemplate> changed, List<VersionedTemplate> removed,
		List<VersionedTemplate> unchanged) {

	public SyncPlan {
		added = List.copyOf(added);
		changed = List.copyOf(changed);
		removed = List.copyOf(removed);
		unchanged = List.copyOf(unchanged);
	}

	/**
	 * @param organizationId the organization that owns the account now
	 * @param listed every template Meta lists for the account; a repeated name and
	 * language keeps its first occurrence
	 * @param stored what was stored for the account before
	 */
	public static SyncPlan between(String organizationId, List<MessageTemplate> listed,
			Collection<StoredTemplate> stored) {
		return between(organizationId, listed, stored, Set.of());
	}

	/**
	 * Like {@link #between(String, List, Collection)}, but templates a webhook updated
	 * after Meta's list was read ({@code newerHere}) are kept as stored: the list may
	 * predate the webhook, and must not undo a pause or a disablement. They count as
	 * unchanged; the next sync compares them again.
	 */
	public static SyncPlan between(String organizationId, List<MessageTemplate> listed,
			Collection<StoredTemplate> stored, Set<TemplateKey> newerHere) {
		Map<TemplateKey, StoredTemplate> before = new LinkedHashMap<>();
		stored.forEach((template) -> before.put(template.key(), template));
		Map<TemplateKey, VersionedTemplate> now = new LinkedHashMap<>();
		listed.forEach((template) -> now.putIfAbsent(TemplateKey.of(template), VersionedTemplate.of(template)));
		List<VersionedTemplate> added = new ArrayList<>();
		List<VersionedTemplate> changed = new ArrayList<>();
		List<VersionedTemplate> unchanged = new ArrayList<>();
		now.forEach((key, current) -> {
			StoredTemplate previous = before.get(key);
			if (previous != null && newerHere.contains(key)) {
				unchanged.add(new VersionedTemplate(previous.template(), previous.version()));
			}
			else if (previous == null || (previous.deleted() && !DELETED.equals(current.template().status()))) {
				added.add(current);
			}
			else if (!previous.version().equals(current.version())
					|| !previous.organizationId().equals(organizationId)) {
				changed.add(current);
			}
			else {
				unchanged.add(current);
			}
		});
		List<VersionedTemplate> removed = before.values()
			.stream()
			.filter((previous) -> !now.containsKey(previous.key()) && !previous.deleted()
					&& !newerHere.contains(previous.key()))
			.map(StoredTemplate::asDeleted)
			.toList();
		return new SyncPlan(added, changed, removed, unchanged);
	}

	/** Everything to store and publish, in the order: added, changed, removed. */
	public List<VersionedTemplate> writes() {
		return Stream.of(this.added, this.changed, this.removed).flatMap(List::stream).toList();
	}

	public SyncReport report(String wabaId, int pages, int seen) {
		return new SyncReport(wabaId, pages, seen, this.added.size(), this.changed.size(), this.removed.size(),
				this.unchanged.size());
	}

}
