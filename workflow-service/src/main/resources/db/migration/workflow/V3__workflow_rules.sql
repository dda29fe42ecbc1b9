-- Workflow rules per organization (/v1/workflows through the gateway). The current version
-- of each rule is a row of workflow_rules; every change (created, updated, enabled, disabled,
-- deleted) is kept in workflow_rule_versions. A deleted rule keeps its row (deleted_at) so that
-- its history and the outcomes naming it stay readable.
create table workflow_rules (
	id uuid primary key,
	organization_id text not null,
	name text not null,
	trigger_type text not null,
	enabled boolean not null,
	version integer not null,
	-- the definition as it was saved (RuleDefinition JSON)
	definition text not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz
);

create unique index workflow_rules_name on workflow_rules (organization_id, name) where deleted_at is null;

create index workflow_rules_organization on workflow_rules (organization_id) where deleted_at is null;

create table workflow_rule_versions (
	rule_id uuid not null references workflow_rules (id),
	version integer not null,
	change text not null,
	enabled boolean not null,
	definition text not null,
	changed_at timestamptz not null default now(),
	primary key (rule_id, version)
);
