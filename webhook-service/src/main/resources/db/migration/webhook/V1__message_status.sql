-- The current status of every message we have heard of, kept monotonic by a
-- conditional upsert (see StatusStore): a status only replaces a lower-ranked one.
create table message_status (
	message_id text primary key,
	organization_id text not null,
	status text not null,
	status_rank int not null,
	wamid text,
	status_at timestamptz not null,
	updated_at timestamptz not null default now()
);

-- Meta's message id -> our message id, from ACCEPTED status events of the sender: the
-- fallback for status webhooks without biz_opaque_callback_data.
create table message_refs (
	wamid text primary key,
	message_id text not null,
	organization_id text not null,
	created_at timestamptz not null default now()
);
