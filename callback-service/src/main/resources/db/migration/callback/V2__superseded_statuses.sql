-- the status lifecycle's rank of a status delivery (common-model MessageStatus.rank()),
-- null for inbound deliveries: a status read after one of the same or a higher rank for
-- the same message (Meta's webhooks overtake the sender's accepted event) is recorded as
-- 'superseded' and never posted, so a receiver never sees a message go backwards
alter table deliveries add column status_rank integer;
