-- What each component of a template declares (DeclaredParameters as JSON); null for rows
-- written before V2 until the next sync of their account fills it in.
alter table templates add column declared_parameters jsonb;
-- Why the template has its status (Meta's reason, rejection_info, disable_info, other_info),
-- from status webhooks; for statuses changed by a sync, Meta's rejected_reason.
alter table templates add column status_reason text;
-- When a template webhook last changed the row: a sync whose Meta list was read before that
-- does not overwrite it.
alter table templates add column webhook_updated_at timestamptz;

-- Every version of every template this service has seen (the template as stored and
-- published); seen_at = the last time the version became the current one.
create table template_versions (
	waba_id text not null,
	name text not null,
	language text not null,
	version text not null,
	template jsonb not null,
	organization_id text not null,
	seen_at timestamptz not null,
	primary key (waba_id, name, language, version)
);

insert into template_versions (waba_id, name, language, version, template, organization_id, seen_at)
	select waba_id, name, language, version, template, organization_id, updated_at from templates;

-- Tombstones (null values) to publish on the compacted wa.template-sync once the DELETED
-- snapshot of the same key has left the outbox (the outbox cannot carry null values).
create table template_tombstones (
	record_key text primary key,
	created_at timestamptz not null default now()
);
