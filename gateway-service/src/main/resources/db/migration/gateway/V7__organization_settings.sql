-- An organization's messaging settings (admin API, GET/PUT .../settings), announced on
-- wa.accounts as OrganizationSettings with the language fallbacks: whether workflow rules
-- send at all, whether MARKETING templates may be sent, the default quiet hours of
-- automated messages (both ends or neither; local times of the recipient) and the time
-- zone assumed for a recipient whose own is unknown (IANA id; null is UTC). Existing
-- organizations keep the defaults: everything on, no quiet hours, UTC.
alter table organizations
	add column automation_enabled boolean not null default true,
	add column marketing_enabled boolean not null default true,
	add column quiet_hours_start time,
	add column quiet_hours_end time,
	add column time_zone text,
	add constraint organizations_quiet_hours_both
		check ((quiet_hours_start is null) = (quiet_hours_end is null));
