-- Which media ids an organization may fetch through GET /v1/media/{mediaId}: those its
-- customers sent (from wa.inbound-messages) and those it uploaded (POST /v1/media).
create table media_objects (
    organization_id text not null,
    media_id text not null,
    phone_number_id text not null,
    direction text not null check (direction in ('inbound', 'uploaded')),
    mime_type text,
    created_at timestamptz not null default now(),
    primary key (organization_id, media_id)
);
