-- The 24-hour customer service window as the sender sees it, per organization, business number and
-- customer: when the customer last wrote (from wa.inbound-messages) and when Meta last answered 131047
-- (the window is closed, whatever our clock says). The sender checks it just before each free-form
-- call; this table is what its in-memory cache is loaded from after a restart.
create table customer_windows (
	organization_id text not null,
	phone_number_id text not null,
	customer text not null,
	last_inbound_at timestamptz,
	closed_at timestamptz,
	updated_at timestamptz not null default now(),
	primary key (organization_id, phone_number_id, customer)
);
