-- How far a hot standby is behind its primary, in seconds: 0 when it has
-- replayed all it received (an idle primary sends nothing, which is not lag),
-- otherwise the age of the last transaction it replayed.
SELECT pg_is_in_recovery() AS standby,
       CASE WHEN NOT pg_is_in_recovery() THEN 0
            WHEN pg_last_wal_receive_lsn() IS NULL THEN 1e9
            WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 1e9)
       END::float8 AS lag_seconds
