-- The W3C trace context of the send request a message arrived with: the message's call to
-- Meta and its status events continue that trace, also after a restart reloads the queue.
alter table messages add column traceparent text;
