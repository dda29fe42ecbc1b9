-- One row per message id: PENDING until Meta's outcome (or expiry) is recorded, then final.
create table messages (
	message_id text primary key,
	organization_id text not null,
	phone_number_id text not null,
	recipient text not null,
	state text not null check (state in ('PENDING', 'ACCEPTED', 'FAILED', 'EXPIRED')),
	wamid text,
	attempts integer not null default 0,
	error_code integer,
	error_title text,
	error_details text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

-- Ops: messages still waiting for an outcome (deferred to a retry or the dead-letter topic).
create index messages_pending on messages (phone_number_id, created_at) where state = 'PENDING';
