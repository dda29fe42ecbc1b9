-- When a scheduled message is due (API scheduledFor, or a workflow rule's time), shown by
-- GET /v1/messages while it waits and after.
alter table messages add column scheduled_for timestamptz;
