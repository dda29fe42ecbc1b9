-- The W3C trace context of the message (from the sender's accepted status event): the
-- statuses Meta's webhooks bring later are published in the message's trace.
alter table message_status add column traceparent text;
