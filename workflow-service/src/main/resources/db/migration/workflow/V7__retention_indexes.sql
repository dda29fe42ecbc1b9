-- History is purged by age (RetentionConfiguration, workflow.retention.history): the purge
-- finds its batches through these.
create index event_outcomes_recorded on event_outcomes (recorded_at);
create index triggered_messages_created on triggered_messages (created_at);
create index auto_replies_sent on auto_replies (sent_at);
create index workflow_rule_versions_changed on workflow_rule_versions (changed_at);
