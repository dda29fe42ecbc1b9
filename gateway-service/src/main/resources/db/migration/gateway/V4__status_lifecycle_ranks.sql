-- The status lifecycle (MessageStatus in common-model, docs/common-model.md "Status
-- lifecycle") ranks failures below delivered and read: queued/scheduled 0 < accepted 1 <
-- sent 2 < failed/expired/rejected 3 < delivered 4 < read 5 (before: delivered 3, read 4,
-- failures 5). The stored rank (status_rank) is recomputed from the status so it keeps
-- matching MessageStatus.rank(). Stop the instances of the previous version before this
-- runs: they would write the old ranks.
update messages
set status_rank = case status
		when 'failed' then 3
		when 'expired' then 3
		when 'rejected' then 3
		when 'delivered' then 4
		when 'read' then 5
	end
where status in ('failed', 'expired', 'rejected', 'delivered', 'read');
