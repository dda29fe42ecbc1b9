-- Conversations (ConversationStore): every inbound message of wa.inbound-messages, stored per
-- organization with its typed content, and one row per (organization, business number, customer)
-- with the 24-hour service window's facts. The customer is the E.164 number, else Meta's
-- business-scoped user id (InboundMessage.customer()).
create table inbound_messages (
	organization_id text not null,
	phone_number_id text not null,
	customer text not null,
	wamid text not null,
	type text not null,
	-- the plain-text view (InboundText) and a reply's payload
	text text,
	payload text,
	-- InboundContent and InboundContext as JSON (common-model Json, "kind" names the content)
	content jsonb not null,
	context jsonb not null,
	context_wamid text,
	profile_name text,
	sent_at timestamptz not null,
	received_at timestamptz not null default now(),
	primary key (organization_id, wamid)
);

create index inbound_messages_customer on inbound_messages (organization_id, customer, sent_at desc);
create index inbound_messages_sent on inbound_messages (organization_id, sent_at desc);

-- last_inbound_at opens the window until last_inbound_at + 24 h (ServiceWindow); window_closed_at
-- is when Meta answered 131047, which closes it early unless a later inbound reopened it.
-- unread_count counts inbound messages since last_read_at (POST .../read resets it).
create table conversations (
	organization_id text not null,
	phone_number_id text not null,
	customer text not null,
	profile_name text,
	last_inbound_at timestamptz not null,
	last_inbound_wamid text not null,
	window_closed_at timestamptz,
	unread_count integer not null default 0,
	last_read_at timestamptz,
	primary key (organization_id, phone_number_id, customer)
);

create index conversations_activity on conversations (organization_id, last_inbound_at desc);

-- The organization's suppression list: a row while the customer is suppressed (no MARKETING
-- templates). reason: keyword, user_preferences or operator; detail: the keyword, Meta's wording
-- or the operator's note.
create table suppressions (
	organization_id text not null,
	customer text not null,
	suppressed_since timestamptz not null,
	reason text not null,
	detail text,
	primary key (organization_id, customer)
);

-- Every change of the list, kept: added or removed, when (effective_at: the customer's message or
-- Meta's timestamp, else the operator's call), why (reason), from where (source: the inbound
-- wamid, the business number of a user_preferences webhook, or "api") and the detail.
create table suppression_audit (
	id bigserial primary key,
	organization_id text not null,
	customer text not null,
	action text not null check (action in ('added', 'removed')),
	reason text not null,
	source text not null,
	detail text,
	effective_at timestamptz not null,
	recorded_at timestamptz not null default now()
);

create index suppression_audit_customer on suppression_audit (organization_id, customer, effective_at desc, id desc);

-- the outbound side of a conversation, per business number and customer
create index messages_conversation on messages (organization_id, phone_number_id, recipient, created_at desc);
