-- The messages the workflow rules triggered, one row per message: which business event
-- and which rule caused it (an audit trail, and a second guard against sending twice).
create table triggered_messages (
	message_id text primary key,
	event_id uuid not null,
	rule text not null,
	organization_id text not null,
	created_at timestamptz not null default now()
);

create index triggered_messages_event on triggered_messages (organization_id, event_id);
