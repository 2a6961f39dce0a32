-- What happened to single sessions of tenant $1: $2 is a JSON array of
-- {"series_id", "recurrence_id" (the series' local start), "starts" (moved
-- to, or null), "cancelled", "attendance", "note", "logged_by", "logged_at"}.
-- Answers each row's id with its series and recurrence id
-- ("YYYY-MM-DDTHH:MM:SS"), by which the caller finds it.
INSERT INTO session_occurrences (tenant_id, series_id, recurrence_id, starts, cancelled, attendance, note, logged_by,
                                 logged_at, updated_at)
SELECT $1, o.series_id, o.recurrence_id, o.starts, o.cancelled, o.attendance, o.note, o.logged_by, o.logged_at,
       coalesce(o.logged_at, now())
FROM jsonb_to_recordset($2::jsonb)
     AS o (series_id bigint, recurrence_id timestamp, starts timestamp, cancelled boolean, attendance text, note text,
           logged_by bigint, logged_at timestamptz)
RETURNING id, series_id, to_char(recurrence_id, 'YYYY-MM-DD"T"HH24:MI:SS') AS recurrence_id
