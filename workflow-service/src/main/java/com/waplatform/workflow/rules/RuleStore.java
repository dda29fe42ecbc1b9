package com.waplatform.workflow.rules;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.workflow.rules.domain.RuleDefinition;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The organizations' rules ({@code workflow_rules}) and every change to them
 * ({@code workflow_rule_versions}): each write bumps the rule's version and records the
 * new version in the same transaction. Every query names the organization: a rule of
 * another organization is not found.
 */
@Repository
public class RuleStore {

	private static final String COLUMNS = "id, organization_id, name, enabled, version, definition, created_at, "
			+ "updated_at";

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	RuleStore(DatabaseClient db, TransactionalOperator tx) {
		this.db = db;
		this.tx = tx;
	}

	/** The organization's rules that are not deleted, oldest first. */
	public Flux<StoredRule> list(String organizationId) {
		return this.db
			.sql("select " + COLUMNS + " from workflow_rules where organization_id = :org and deleted_at is null "
					+ "order by created_at, name")
			.bind("org", organizationId)
			.map(RuleStore::read)
			.all();
	}

	public Mono<StoredRule> find(String organizationId, UUID id) {
		return this.db
			.sql("select " + COLUMNS + " from workflow_rules where organization_id = :org and id = :id "
					+ "and deleted_at is null")
			.bind("org", organizationId)
			.bind("id", id)
			.map(RuleStore::read)
			.one();
	}

	/**
	 * Creates a rule as version 1; a name the organization already uses is a
	 * {@link DuplicateRuleName}.
	 */
	public Mono<StoredRule> create(String organizationId, RuleDefinition definition, String json, boolean enabled) {
		UUID id = UUID.randomUUID();
		Mono<StoredRule> create = this.db.sql("""
				insert into workflow_rules (id, organization_id, name, trigger_type, enabled, version, definition)
				values (:id, :org, :name, :type, :enabled, 1, :definition)
				returning %s""".formatted(COLUMNS))
			.bind("id", id)
			.bind("org", organizationId)
			.bind("name", definition.name())
			.bind("type", definition.trigger().type())
			.bind("enabled", enabled)
			.bind("definition", json)
			.map(RuleStore::read)
			.one()
			.flatMap((rule) -> recordVersion(rule, "created"));
		return this.tx.transactional(create)
			.onErrorMap(DataIntegrityViolationException.class, (ex) -> new DuplicateRuleName(definition.name()));
	}

	/**
	 * Replaces the definition (and name); a new version. Empty when there is no such
	 * rule.
	 */
	public Mono<StoredRule> update(String organizationId, UUID id, RuleDefinition definition, String json) {
		Mono<StoredRule> update = this.db.sql("""
				update workflow_rules set name = :name, trigger_type = :type, definition = :definition,
					version = version + 1, updated_at = now()
				where organization_id = :org and id = :id and deleted_at is null
				returning %s""".formatted(COLUMNS))
			.bind("org", organizationId)
			.bind("id", id)
			.bind("name", definition.name())
			.bind("type", definition.trigger().type())
			.bind("definition", json)
			.map(RuleStore::read)
			.one()
			.flatMap((rule) -> recordVersion(rule, "updated"));
		return this.tx.transactional(update)
			.onErrorMap(DataIntegrityViolationException.class, (ex) -> new DuplicateRuleName(definition.name()));
	}

	/**
	 * Enables or disables a rule; a new version only when the state changes. Empty when
	 * there is no such rule.
	 */
	public Mono<StoredRule> setEnabled(String organizationId, UUID id, boolean enabled) {
		Mono<StoredRule> change = this.db.sql("""
				update workflow_rules set enabled = :enabled, version = version + 1, updated_at = now()
				where organization_id = :org and id = :id and deleted_at is null and enabled <> :enabled
				returning %s""".formatted(COLUMNS))
			.bind("org", organizationId)
			.bind("id", id)
			.bind("enabled", enabled)
			.map(RuleStore::read)
			.one()
			.flatMap((rule) -> recordVersion(rule, enabled ? "enabled" : "disabled"))
			.switchIfEmpty(Mono.defer(() -> find(organizationId, id)));
		return this.tx.transactional(change);
	}

	/** Deletes a rule (kept as a deleted version); false when there is no such rule. */
	public Mono<Boolean> delete(String organizationId, UUID id) {
		Mono<Boolean> delete = this.db.sql("""
				update workflow_rules set deleted_at = now(), enabled = false, version = version + 1,
					updated_at = now()
				where organization_id = :org and id = :id and deleted_at is null
				returning %s""".formatted(COLUMNS))
			.bind("org", organizationId)
			.bind("id", id)
			.map(RuleStore::read)
			.one()
			.flatMap((rule) -> recordVersion(rule, "deleted"))
			.map((rule) -> true)
			.defaultIfEmpty(false);
		return this.tx.transactional(delete);
	}

	/** Every version of a rule of the organization, newest first (deleted rules too). */
	public Flux<RuleVersion> versions(String organizationId, UUID id) {
		return this.db.sql("""
				select v.version, v.change, v.enabled, v.definition, v.changed_at
				from workflow_rule_versions v join workflow_rules r on r.id = v.rule_id
				where r.organization_id = :org and r.id = :id
				order by v.version desc""")
			.bind("org", organizationId)
			.bind("id", id)
			.map((row) -> new RuleVersion(row.get("version", Integer.class), row.get("change", String.class),
					Boolean.TRUE.equals(row.get("enabled", Boolean.class)), row.get("definition", String.class),
					row.get("changed_at", Instant.class)))
			.all();
	}

	private Mono<StoredRule> recordVersion(StoredRule rule, String change) {
		return this.db.sql("""
				insert into workflow_rule_versions (rule_id, version, change, enabled, definition)
				values (:id, :version, :change, :enabled, :definition)""")
			.bind("id", rule.id())
			.bind("version", rule.version())
			.bind("change", change)
			.bind("enabled", rule.enabled())
			.bind("definition", rule.json())
			.then()
			.thenReturn(rule);
	}

	private static StoredRule read(Readable row) {
		String json = row.get("definition", String.class);
		return new StoredRule(row.get("id", UUID.class), row.get("organization_id", String.class),
				row.get("name", String.class), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
				row.get("version", Integer.class), RuleDefinitions.parseStored(json), json,
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}

	/**
	 * One version of a rule.
	 *
	 * @param change what made it: created, updated, enabled, disabled or deleted
	 */
	public record RuleVersion(int version, String change, boolean enabled, String definition, Instant changedAt) {

	}

	/** The organization already has a rule of that name. */
	public static class DuplicateRuleName extends RuntimeException {

		DuplicateRuleName(String name) {
			super("A workflow named '" + name + "' exists already");
		}

	}

}
