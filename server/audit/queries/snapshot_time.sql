-- The time of the transaction's snapshot (UTC, microseconds), recorded in a checkpoint.
SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS snapshot_at
