-- Failed attempts of a message (transient Meta errors, outages, calls Meta never confirmed), kept on the
-- row so that the retry limit (sender.retry.max-attempts) holds across restarts and partition moves;
-- `attempts` counts the calls started, including those the breaker's half-open trials made.
alter table messages add column failures integer not null default 0;
