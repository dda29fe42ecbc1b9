-- Shared by every service (each in its own schema): the transactional outbox and the
-- processed-event log of idempotent consumers.
create table outbox (
	id bigserial primary key,
	topic text not null,
	record_key text not null,
	event_type text not null,
	payload text not null,
	created_at timestamptz not null default now()
);

create table processed_events (
	consumer text not null,
	event_id uuid not null,
	processed_at timestamptz not null default now(),
	primary key (consumer, event_id)
);
