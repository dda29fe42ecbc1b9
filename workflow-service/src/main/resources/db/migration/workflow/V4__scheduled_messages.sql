-- Messages that rules hold until a later time (ScheduledMessages). A row is deleted in the
-- transaction that publishes, expires or cancels its message, so the table holds only what
-- is still pending; nothing about a pending message lives in the heap.
create table scheduled_messages (
	message_id text primary key,
	organization_id text not null,
	rule_id uuid not null,
	-- the rule's name when it was scheduled (the rule tag of the scheduler's metrics)
	rule_name text not null,
	-- the business event that scheduled it, and its CloudEvents subject (booking id, ...)
	event_id uuid not null,
	subject text not null,
	-- the recipient in E.164: a reply from them, or an event naming them, may cancel it
	customer text not null,
	cancel_on_reply boolean not null,
	due_at timestamptz not null,
	expires_at timestamptz,
	-- the SendRequest to publish when due, as JSON (common-model Json)
	send_request text not null
);

create index scheduled_messages_due on scheduled_messages (due_at);

create index scheduled_messages_subject on scheduled_messages (organization_id, rule_id, subject);

create index scheduled_messages_customer on scheduled_messages (organization_id, customer);
