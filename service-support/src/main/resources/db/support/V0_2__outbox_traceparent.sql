-- The W3C trace context of the work that appended the row: the relay publishes the
-- record with it as its traceparent header (null: tracing off, no header).
alter table outbox add column traceparent text;
