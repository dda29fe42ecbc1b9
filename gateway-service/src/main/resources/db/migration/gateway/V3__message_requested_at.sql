-- A message row may be created by a status event before its send request (they travel on
-- different topics). Such a row is not shown until the send request arrives and sets
-- requested_at; rows that never get one (a status of a message we never sent) are purged
-- after gateway.read-model.orphan-ttl (OrphanStatusPurge).
--
-- Every existing row counts as requested. The default is evaluated once, here, and stored
-- as the column's value of the existing rows without rewriting the table (PostgreSQL 11+);
-- new rows get no default: recordSendRequest sets the column.
alter table messages add column requested_at timestamptz default now();
alter table messages alter column requested_at drop default;

-- the purge's work list; created_at is never changed by a status update, so status
-- updates of requested messages stay heap-only (HOT)
create index messages_orphans on messages (created_at) where requested_at is null;
