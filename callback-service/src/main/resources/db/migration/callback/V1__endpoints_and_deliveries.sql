-- The organizations' callback endpoints (EndpointStore). The signing secret is stored
-- sealed with the platform's credential key (common-model CredentialCipher), never in clear.
create table endpoints (
	id uuid primary key,
	organization_id text not null,
	url text not null,
	-- subscribed kinds: 'status' and/or 'inbound'
	events text[] not null,
	description text,
	secret_sealed text not null,
	enabled boolean not null default true,
	-- why it was disabled automatically (null when enabled or disabled by hand)
	disabled_reason text,
	disabled_at timestamptz,
	-- failed attempts since the last delivered one (auto-disable counts them)
	consecutive_failures integer not null default 0,
	secret_rotated_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index endpoints_organization on endpoints (organization_id, created_at);

-- One row per event and endpoint (DeliveryStore), written in the transaction that records
-- the event as processed; finished rows stay as the delivery log.
create table deliveries (
	-- insert order: the event's position for ordering (per endpoint and order key)
	seq bigserial not null unique,
	id uuid primary key,
	endpoint_id uuid not null references endpoints (id) on delete cascade,
	organization_id text not null,
	event_id uuid not null,
	event_type text not null,
	-- the message id of a status event, the wamid of an inbound message
	message_id text,
	-- what order is kept within: 'message:<id>' or 'customer:<phoneNumberId>:<customer>'
	order_key text not null,
	-- the exact body posted (signed as it is), the envelope of the event
	body text not null,
	-- pending (no attempt yet), failed (retry due at next_attempt_at), delivered, gave_up
	state text not null,
	attempts integer not null default 0,
	first_attempt_at timestamptz,
	last_attempt_at timestamptz,
	next_attempt_at timestamptz not null,
	last_status_code integer,
	last_error text,
	-- set while an instance is attempting it: nobody else claims it before then
	lease_until timestamptz,
	delivered_at timestamptz,
	-- a manual replay is a new delivery of the same event
	replay_of uuid,
	created_at timestamptz not null default now()
);

-- one delivery per event and endpoint (replays aside)
create unique index deliveries_event on deliveries (endpoint_id, event_id) where replay_of is null;

create index deliveries_due on deliveries (next_attempt_at) where state in ('pending', 'failed');

create index deliveries_order on deliveries (endpoint_id, order_key, seq) where state in ('pending', 'failed');

create index deliveries_log on deliveries (endpoint_id, seq);
