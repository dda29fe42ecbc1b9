-- The organizations' suppression lists as the gateway publishes them on wa.suppressions
-- (suppressions.SuppressionListener): a row per suppressed customer, deleted when the customer
-- is removed from the list (a value with suppressed=false, or a tombstone).
create table suppressions (
	organization_id text not null,
	-- the E.164 number or business-scoped user id, as the event names it
	customer text not null,
	-- keyword, user_preferences or operator, and its detail (the keyword, Meta's wording, a note)
	reason text not null,
	detail text,
	changed_at timestamptz not null,
	primary key (organization_id, customer)
);

-- A held message whose template is MARKETING is re-checked against the suppression list when
-- it falls due (ScheduledMessages): a customer who opted out meanwhile gets it cancelled.
alter table scheduled_messages add column marketing boolean not null default false;

-- Every auto-reply sent (autoreply.AutoReplyLog): once per customer per rule per 24 hours, and
-- no answer to a customer's reply to one of these (the wamid arrives with the sender's accepted
-- status event).
create table auto_replies (
	-- deterministic per (inbound wamid, rule): a redelivered inbound message cannot reply twice
	message_id text primary key,
	organization_id text not null,
	phone_number_id text not null,
	customer text not null,
	-- keyword:<KEYWORD> or out_of_hours
	rule text not null,
	inbound_wamid text not null,
	sent_at timestamptz not null,
	-- Meta's id of the reply, once the sender's accepted status event names it
	wamid text
);

create index auto_replies_window on auto_replies (organization_id, phone_number_id, customer, rule, sent_at);

create index auto_replies_wamid on auto_replies (wamid) where wamid is not null;
