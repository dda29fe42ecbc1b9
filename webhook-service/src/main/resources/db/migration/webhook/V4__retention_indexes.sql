-- Statuses and wamid mappings are purged by age (StatusRetention, webhook.retention.messages):
-- the purge finds its batches through these.
create index message_status_updated on message_status (updated_at);
create index message_refs_created on message_refs (created_at);
