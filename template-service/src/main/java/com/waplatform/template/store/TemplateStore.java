package com.waplatform.template.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.DeclaredParameters;
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

/** The {@code templates} and {@code template_versions} tables. */
@Repository
public class TemplateStore {

	/** The first key of this service's advisory locks (the second is the WABA's hash). */
	private static final int LOCK_CLASS = 8082;

	private final DatabaseClient db;

	public TemplateStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Serializes the writes of one account (syncs, webhooks, creations) across threads
	 * and instances until the current transaction ends.
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
			.map((row) -> stored(row))
			.all();
	}

	/**
	 * The template of the account with this name and language, else (when the name is not
	 * known) with Meta's template id.
	 */
	public Mono<TemplateRow> find(String wabaId, @Nullable String name, @Nullable String language,
			@Nullable String templateId) {
		return this.db.sql("""
				select organization_id, template::text as template, version, status_reason from templates
				where waba_id = :waba and ((name = :name and language = :language)
					or (cast(:name as text) is null and template_id = :templateId))
				order by (status = 'DELETED') limit 1
				""")
			.bind("waba", wabaId)
			.bind("name", nullable(name))
			.bind("language", nullable(language))
			.bind("templateId", nullable(templateId))
			.map((row) -> new TemplateRow(wabaId, stored(row), row.get("status_reason", String.class)))
			.one();
	}

	/** Templates a webhook changed after {@code since}. */
	public Mono<Set<TemplateKey>> changedByWebhookSince(String wabaId, Instant since) {
		return this.db.sql("select name, language from templates where waba_id = :waba and webhook_updated_at > :since")
			.bind("waba", wabaId)
			.bind("since", since)
			.map((row) -> new TemplateKey(text(row, "name"), text(row, "language")))
			.all()
			.collect(Collectors.toSet());
	}

	/** The stored reason of the template's status, empty when there is none. */
	public Mono<String> statusReason(String wabaId, String name, String language) {
		return this.db
			.sql("select status_reason from templates where waba_id = :waba and name = :name and language = :language")
			.bind("waba", wabaId)
			.bind("name", name)
			.bind("language", language)
			.map((row) -> Optional.ofNullable(row.get("status_reason", String.class)))
			.one()
			.flatMap(Mono::justOrEmpty);
	}

	/**
	 * Upserts the template's current version and records the version in
	 * {@code template_versions}.
	 */
	public Mono<Void> save(String organizationId, String wabaId, VersionedTemplate versioned, Instant now,
			Origin origin) {
		MessageTemplate template = versioned.template();
		Mono<Void> current = this.db.sql("""
				insert into templates (waba_id, name, language, template_id, status, category, parameter_format,
					quality_score, components, template, version, organization_id, synced_at, updated_at,
					declared_parameters, status_reason, webhook_updated_at)
				values (:waba, :name, :language, :templateId, :status, :category, :parameterFormat, :qualityScore,
					cast(:components as jsonb), cast(:template as jsonb), :version, :organization, :now, :now,
					cast(:declared as jsonb), :reason, case when :webhook then cast(:now as timestamptz) end)
				on conflict (waba_id, name, language) do update set template_id = excluded.template_id,
					status = excluded.status, category = excluded.category,
					parameter_format = excluded.parameter_format, quality_score = excluded.quality_score,
					components = excluded.components, template = excluded.template, version = excluded.version,
					organization_id = excluded.organization_id,
					synced_at = case when :webhook then templates.synced_at else excluded.synced_at end,
					updated_at = case when templates.version = excluded.version then templates.updated_at
						else excluded.updated_at end,
					declared_parameters = excluded.declared_parameters,
					status_reason = case when :replaceReason or templates.status is distinct from excluded.status
						then excluded.status_reason else templates.status_reason end,
					webhook_updated_at = coalesce(excluded.webhook_updated_at, templates.webhook_updated_at)
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
			.bind("declared", Json.mapper().writeValueAsString(DeclaredParameters.of(template)))
			.bind("reason", nullable(origin.reason()))
			.bind("webhook", origin.webhook())
			.bind("replaceReason", origin.replaceReason())
			.then();
		Mono<Void> version = this.db.sql("""
				insert into template_versions (waba_id, name, language, version, template, organization_id, seen_at)
				values (:waba, :name, :language, :version, cast(:template as jsonb), :organization, :now)
				on conflict (waba_id, name, language, version) do update set seen_at = excluded.seen_at
				""")
			.bind("waba", wabaId)
			.bind("name", template.name())
			.bind("language", template.language())
			.bind("version", versioned.version())
			.bind("template", Json.mapper().writeValueAsString(template))
			.bind("organization", organizationId)
			.bind("now", now)
			.then();
		return current.then(version);
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

	/** Computes the declared parameters of rows stored before they were recorded. */
	public Mono<Void> fillDeclaredParameters(String wabaId) {
		return this.db
			.sql("select template::text as template from templates where waba_id = :waba"
					+ " and declared_parameters is null")
			.bind("waba", wabaId)
			.map((row) -> Json.mapper().readValue(text(row, "template"), MessageTemplate.class))
			.all()
			.concatMap((template) -> this.db.sql("""
					update templates set declared_parameters = cast(:declared as jsonb)
					where waba_id = :waba and name = :name and language = :language
					""")
				.bind("declared", Json.mapper().writeValueAsString(DeclaredParameters.of(template)))
				.bind("waba", wabaId)
				.bind("name", template.name())
				.bind("language", template.language())
				.then())
			.then();
	}

	/**
	 * The account's templates, by name and language; scoped to the organization if given.
	 */
	public Flux<TemplateSummary> list(String wabaId, @Nullable String organizationId) {
		return this.db.sql("""
				select waba_id, name, language, status, category, version, template_id, organization_id, synced_at,
					updated_at, quality_score, parameter_format, status_reason,
					declared_parameters::text as declared_parameters
				from templates
				where waba_id = :waba and (cast(:organization as text) is null or organization_id = :organization)
				order by name, language
				""").bind("waba", wabaId).bind("organization", nullable(organizationId)).map((row) -> {
			String declared = row.get("declared_parameters", String.class);
			return new TemplateSummary(text(row, "waba_id"), text(row, "name"), text(row, "language"),
					text(row, "status"), row.get("category", String.class), text(row, "version"),
					row.get("template_id", String.class), text(row, "organization_id"), instant(row, "synced_at"),
					instant(row, "updated_at"), row.get("quality_score", String.class),
					row.get("parameter_format", String.class), row.get("status_reason", String.class),
					(declared != null) ? Json.mapper().readTree(declared) : null);
		}).all();
	}

	/** How many versions of the template were seen. */
	public Mono<Long> countVersions(String wabaId, String name, String language) {
		return this.db.sql("""
				select count(*) as n from template_versions where waba_id = :waba and name = :name
					and language = :language
				""")
			.bind("waba", wabaId)
			.bind("name", name)
			.bind("language", language)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	private static StoredTemplate stored(Readable row) {
		return new StoredTemplate(text(row, "organization_id"),
				Json.mapper().readValue(text(row, "template"), MessageTemplate.class), text(row, "version"));
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
