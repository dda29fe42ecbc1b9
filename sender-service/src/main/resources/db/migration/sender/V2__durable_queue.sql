-- The messages table becomes the sender's durable queue: a row holds the request itself, so the
-- in-memory lanes can be rebuilt after a restart or a partition reassignment, and a lane can keep
-- only a window of a large backlog in memory.
alter table messages drop constraint messages_state_check;
alter table messages add constraint messages_state_check
	check (state in ('PENDING', 'SENDING', 'ACCEPTED', 'FAILED', 'EXPIRED', 'DEAD_LETTERED'));
alter table messages add column priority text not null default 'TRANSACTIONAL';
alter table messages add column expires_at timestamptz;
alter table messages add column request text;
-- the wa.send-requests partition and offset the request arrived at (recovery, dead-letter headers)
alter table messages add column source_partition integer;
alter table messages add column source_offset bigint;
-- set when a call to Meta starts (state SENDING): the crash window is visible in the table
alter table messages add column attempt_started_at timestamptz;

drop index messages_pending;
create index messages_unsent on messages (phone_number_id, created_at) where state in ('PENDING', 'SENDING');
create index messages_unsent_partition on messages (source_partition) where state in ('PENDING', 'SENDING');

-- Organizations whose sending is paused because Meta rejected their access token (0, 190).
create table paused_organizations (
	organization_id text primary key,
	phone_number_id text not null,
	token_fingerprint text not null,
	error_code integer not null,
	error_title text not null,
	paused_at timestamptz not null
);
