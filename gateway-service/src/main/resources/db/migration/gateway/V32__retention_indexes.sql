-- The read models are purged by age (RetentionConfiguration, gateway.retention.read-models):
-- the purge finds its batches through these.
create index messages_created on messages (created_at);
create index inbound_messages_received on inbound_messages (received_at);
