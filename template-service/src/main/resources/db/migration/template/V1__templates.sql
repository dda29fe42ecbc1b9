-- The latest known version of every template of every synced WhatsApp Business Account.
-- status DELETED: Meta reports the template deleted, or it disappeared from Meta's list.
create table templates (
	waba_id text not null,
	name text not null,
	language text not null,
	template_id text,
	status text not null,
	category text,
	parameter_format text,
	quality_score text,
	components jsonb not null,
	-- the whole template as read from Meta (what the version hashes and the snapshot carries)
	template jsonb not null,
	version text not null,
	organization_id text not null,
	synced_at timestamptz not null,
	updated_at timestamptz not null,
	primary key (waba_id, name, language)
);

create index templates_organization on templates (organization_id, waba_id);
