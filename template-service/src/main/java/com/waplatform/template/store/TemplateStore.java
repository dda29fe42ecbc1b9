package com.waplatform.template.store;

import java.time.Instant;
import java.util.List;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.template.domain.StoredTemplate;
import com.waplatform.template.domain.TemplateKey;
import com.waplatform.template.domain.VersionedTemplate;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The {@code templates} table. */
@Repository
public class TemplateStore {

	/** The first key of this service's advisory locks (the second is the WABA's hash). */
	private static final int LOCK_CLASS = 8082;

	private final DatabaseClient db;

	public TemplateStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Serializes the syncs of one account across threads and instances until the current
	 * transaction ends.
	 */
	public Mono<Void> lockAccount(String wabaId) {
		return this.db.sql("select 1 as locked from pg_advisory_xact_lock(:class, hashtext(:waba))")
			.bind("class", LOCK_CLASS)
			.bind("waba", wabaId)
			.fetch()
			.all()
			.then();
	}

	public Flux<StoredTemplate> findByAccount(String wabaId) {
		return this.db
			.sql("select organization_id, template::text as template, version from templates"
					+ " where waba_id = :waba")
			.bind("waba", wabaId)
			.map((row) -> new StoredTemplate(text(row, "organization_id"),
					Json.mapper().readValue(text(row, "template"), MessageTemplate.class), text(row, "version")))
			.all();
	}

	public Mono<Void> save(String organizationId, String wabaId, VersionedTemplate versioned, Instant now) {
		MessageTemplate template = versioned.template();
		return this.db.sql("""
				insert into templates (waba_id, name, language, template_id, status, category, parameter_format,
					quality_score, components, template, version, organization_id, synced_at, updated_at)
				values (:waba, :name, :language, :templateId, :status, :category, :parameterFormat, :qualityScore,
					cast(:components as jsonb), cast(:template as jsonb), :version, :organization, :now, :now)
				on conflict (waba_id, name, language) do update set template_id = excluded.template_id,
					status = excluded.status, category = excluded.category,
					parameter_format = excluded.parameter_format, quality_score = excluded.quality_score,
					components = excluded.components, template = excluded.template, version = excluded.version,
					organization_id = excluded.organization_id, synced_at = excluded.synced_at,
					updated_at = excluded.updated_at
				""")
			.bind("waba", wabaId)
			.bind("name", template.name())
			.bind("language", template.language())
			.bind("templateId", nullable(template.id()))
			.bind("status", template.status())
			.bind("category", nullable(template.category()))
			.bind("parameterFormat", nullable(template.parameterFormat()))
			.bind("qualityScore", nullable((template.qualityScore() != null) ? template.qualityScore().score() : null))
			.bind("components", Json.mapper().writeValueAsString(template.componentsOrEmpty()))
			.bind("template", Json.mapper().writeValueAsString(template))
			.bind("version", versioned.version())
			.bind("organization", organizationId)
			.bind("now", now)
			.then();
	}

	/** Records that Meta still lists these templates. */
	public Mono<Void> markSeen(String wabaId, List<TemplateKey> keys, Instant now) {
		return this.db.sql("""
				update templates set synced_at = :now where waba_id = :waba and (name, language) in
					(select * from unnest(cast(:names as text[]), cast(:languages as text[])))
				""")
			.bind("now", now)
			.bind("waba", wabaId)
			.bind("names", keys.stream().map(TemplateKey::name).toArray(String[]::new))
			.bind("languages", keys.stream().map(TemplateKey::language).toArray(String[]::new))
			.then();
	}

	/**
	 * The account's templates, by name and language; scoped to the organization if given.
	 */
	public Flux<TemplateSummary> list(String wabaId, @Nullable String organizationId) {
		return this.db.sql("""
				select waba_id, name, language, status, category, version, template_id, organization_id, synced_at,
					updated_at from templates
				where waba_id = :waba and (cast(:organization as text) is null or organization_id = :organization)
				order by name, language
				""")
			.bind("waba", wabaId)
			.bind("organization", nullable(organizationId))
			.map((row) -> new TemplateSummary(text(row, "waba_id"), text(row, "name"), text(row, "language"),
					text(row, "status"), row.get("category", String.class), text(row, "version"),
					row.get("template_id", String.class), text(row, "organization_id"), instant(row, "synced_at"),
					instant(row, "updated_at")))
			.all();
	}

	private static Parameter nullable(@Nullable String value) {
		return Parameter.fromOrEmpty(value, String.class);
	}

	private static String text(Readable row, String column) {
		String value = row.get(column, String.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

	private static Instant instant(Readable row, String column) {
		Instant value = row.get(column, Instant.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

}
