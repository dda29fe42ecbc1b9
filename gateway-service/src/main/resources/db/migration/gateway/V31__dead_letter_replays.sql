-- Dead letters replayed through the admin API (POST /v1/admin/dead-letters/replay): one
-- row per dead-letter record, inserted in the transaction that decides to publish it, so
-- that replaying the same record again (or twice at once) publishes it once.
create table dead_letter_replays (
	topic text not null,
	partition_no integer not null,
	record_offset bigint not null,
	replayed_to text not null,
	replayed_at timestamptz not null,
	primary key (topic, partition_no, record_offset)
);
