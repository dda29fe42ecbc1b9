-- What each business event triggered, one row per event (GET /internal/events/{id}, which the
-- gateway's GET /v1/events/{id} answers from): written in the transaction of the event's effect
-- (triggered, ignored), or on its own when the event is refused (rejected; a later successful
-- replay overwrites it, nothing overwrites a triggered outcome).
create table event_outcomes (
	organization_id text not null,
	event_id uuid not null,
	type text not null,
	source text not null,
	subject text not null,
	occurred_at timestamptz not null,
	outcome text not null,
	reason text,
	detail text,
	rules jsonb not null default '[]',
	recorded_at timestamptz not null default now(),
	primary key (organization_id, event_id)
);
