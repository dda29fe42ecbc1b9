-- The outbox relay's lease (OutboxRelay): one row per service schema, naming the relay
-- instance that publishes this schema's outbox and until when. A relay takes it with a
-- short update while it has rows to publish (where it has expired or is its own), and no
-- transaction or lock is open while it waits for Kafka; relays of different services
-- (different schemas) never wait for each other; a holder that dies loses it when it
-- expires.
create table outbox_lease (
	id int primary key default 1 check (id = 1),
	holder text not null,
	expires_at timestamptz not null
);

insert into outbox_lease (id, holder, expires_at) values (1, '', '-infinity');

-- processed_events is purged by age (ProcessedEvents, platform.retention.processed-events)
create index processed_events_processed_at on processed_events (processed_at);
