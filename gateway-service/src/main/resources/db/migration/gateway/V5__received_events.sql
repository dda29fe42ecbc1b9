-- Business events posted to POST /v1/events, remembered per organization by CloudEvents source + id
-- (the spec's identity of an event) for gateway.events.dedup-retention: the same event posted
-- again is answered 202 and not published again. event_id is the platform's id of the event
-- (BusinessEvent.organizationEventId), what GET /v1/events/{id} takes.
create table received_events (
	organization_id text not null,
	source text not null,
	cloud_event_id text not null,
	event_id uuid not null,
	type text not null,
	subject text not null,
	received_at timestamptz not null default now(),
	primary key (organization_id, source, cloud_event_id)
);

create index received_events_by_id on received_events (organization_id, event_id);
create index received_events_age on received_events (received_at);
