-- The gateway's schema: organizations and their credentials (sealed), API keys (hashed),
-- idempotency keys, and the message read model.
create table organizations (
	id text primary key,
	name text not null,
	app_secret_sealed text not null,
	created_at timestamptz not null default now()
);

create table phone_numbers (
	phone_number_id text primary key,
	organization_id text not null references organizations (id),
	waba_id text not null,
	display_phone_number text not null,
	access_token_sealed text not null,
	throughput_per_second integer not null,
	is_default boolean not null default false,
	updated_at timestamptz not null default now()
);

create index phone_numbers_organization on phone_numbers (organization_id);

create table api_keys (
	id text primary key,
	organization_id text not null references organizations (id),
	key_hash text not null unique,
	prefix text not null,
	created_at timestamptz not null default now(),
	revoked_at timestamptz
);

create index api_keys_organization on api_keys (organization_id);

create table idempotency_keys (
	organization_id text not null,
	idempotency_key text not null,
	request_hash text not null,
	message_id text not null,
	created_at timestamptz not null default now(),
	primary key (organization_id, idempotency_key)
);

create index idempotency_keys_created on idempotency_keys (created_at);

-- organization_id scopes every read; rows may be created by a status event before the
-- send request that fills in the rest, hence the nullable columns
create table messages (
	id text primary key,
	organization_id text not null,
	phone_number_id text,
	recipient text,
	type text,
	template_name text,
	status text not null,
	status_rank integer not null,
	wamid text,
	error_code integer,
	error_title text,
	error_details text,
	context_type text,
	context_id text,
	created_at timestamptz not null,
	updated_at timestamptz not null
);

create index messages_organization_created on messages (organization_id, created_at desc);
create index messages_organization_recipient on messages (organization_id, recipient, created_at desc);
create index messages_organization_context on messages (organization_id, context_type, context_id);

create table message_history (
	message_id text not null references messages (id),
	status text not null,
	status_at timestamptz not null,
	event_id uuid not null,
	unique (message_id, status)
);
