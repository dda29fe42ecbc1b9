-- Statistics (GET /v1/queue, GET /v1/analytics/messages).
--
-- The language a template message was sent in, for template usage per name and language
-- (null for free-form messages and for rows written before this column).
alter table messages add column if not exists template_language text;

-- The queue view counts, per business number, the messages still waiting (queued or
-- scheduled): a partial index keeps that a scan of the waiting rows only, however long
-- the history grows.
create index if not exists messages_waiting on messages (organization_id, phone_number_id, created_at)
	where status in ('queued', 'scheduled');

-- Send requests the sender gave up on (retries or deferrals exhausted, unknown or foreign
-- number), from wa.send-requests-dlt: the sender publishes no status for them, so the read
-- model would show them queued forever. One row per message (the latest dead-lettering);
-- the queue view counts those still queued (a replay that sends the message moves it on).
create table send_dead_letters (
	message_id text primary key,
	organization_id text not null,
	phone_number_id text,
	reason text,
	dead_lettered_at timestamptz not null
);

create index send_dead_letters_organization on send_dead_letters (organization_id, phone_number_id);
