package com.waplatform.template.store;

import java.time.Instant;
import java.util.Optional;

import com.waplatform.common.kafka.Topics;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.support.outbox.Outbox;
import com.waplatform.template.domain.StoredTemplate;
import com.waplatform.template.domain.VersionedTemplate;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Writes a new version of a template and announces it: the row, the version record, the
 * {@link TemplateSnapshot} in the outbox on {@code wa.template-sync} and, for a
 * {@code DELETED} version, a pending tombstone ({@link TombstoneRelay}). Must run inside
 * the caller's transaction, so all of it commits or none does.
 */
@Component
public class TemplateWriter {

	private final TemplateStore store;

	private final Outbox outbox;

	private final DatabaseClient db;

	TemplateWriter(TemplateStore store, Outbox outbox, DatabaseClient db) {
		this.store = store;
		this.outbox = outbox;
		this.db = db;
	}

	public Mono<Void> write(String organizationId, String wabaId, VersionedTemplate versioned, Instant now,
			Origin origin) {
		String key = versioned.key().recordKey(wabaId);
		boolean deleted = StoredTemplate.DELETED.equals(versioned.template().status());
		Mono<Void> tombstone = deleted
				? this.db.sql("insert into template_tombstones (record_key) values (:key) on conflict do nothing")
					.bind("key", key)
					.then()
				// listed again (or re-created) before its tombstone went out: the
				// tombstone
				// must not follow the new snapshot
				: this.db.sql("delete from template_tombstones where record_key = :key").bind("key", key).then();
		MessageTemplate template = versioned.template();
		return this.store.save(organizationId, wabaId, versioned, now, origin)
			.then(this.store.statusReason(wabaId, template.name(), template.language()))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((reason) -> this.outbox.append(Topics.TEMPLATE_SYNC,
					TemplateSnapshot.of(organizationId, wabaId, template, versioned.version(), reason.orElse(null))))
			.then(tombstone);
	}

}
