-- Finished deliveries are purged by age (DeliveryRetention, callbacks.delivery.retention):
-- the purge finds its batches through this index.
create index deliveries_finished on deliveries (created_at) where state in ('delivered', 'gave_up', 'superseded');
