-- The held messages a business event cancelled (payment.received cancels the payment
-- reminders of its booking...), shown by GET /v1/events/{id}.
alter table event_outcomes add column cancelled jsonb;
