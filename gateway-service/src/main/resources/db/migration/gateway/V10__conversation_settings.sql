-- An organization's conversation settings (ConversationSettings: opt-out and opt-in keywords,
-- the window fallback template, auto-replies, out-of-hours reply), as the admin API's
-- "conversations" member; announced in OrganizationSettings. Existing organizations keep the
-- defaults.
alter table organizations add column conversations jsonb not null default '{}'::jsonb;
