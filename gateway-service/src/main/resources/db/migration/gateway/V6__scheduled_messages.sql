-- Messages sent with scheduledFor, held until due (ScheduledMessages). A row is deleted in
-- the transaction that publishes, expires or cancels its message, so the table holds
-- only what is still pending.
create table scheduled_messages (
	message_id text primary key references messages (id),
	organization_id text not null,
	due_at timestamptz not null,
	expires_at timestamptz,
	-- the SendRequest to publish when due, as JSON (common-model Json)
	send_request text not null
);

create index scheduled_messages_due on scheduled_messages (due_at);
