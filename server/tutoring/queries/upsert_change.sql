-- Series $2's occurrence $3 changed (tenant $1): moved to $4, $5 minutes,
-- tutor $6, cancelled $7, attendance $8, note $9 (NULLs: as the series has
-- it / not logged / none), client id $10, logged by $11 (NULL: not a log).
INSERT INTO session_occurrences (tenant_id, series_id, recurrence_id, starts, duration_minutes, tutor_id, cancelled,
                                 attendance, note, client_id, logged_by, logged_at)
VALUES ($1, $2, $3::timestamp, $4::timestamp, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $11::bigint IS NULL THEN NULL ELSE now() END)
ON CONFLICT (series_id, recurrence_id) DO UPDATE
SET starts = EXCLUDED.starts, duration_minutes = EXCLUDED.duration_minutes, tutor_id = EXCLUDED.tutor_id,
    cancelled = EXCLUDED.cancelled, attendance = EXCLUDED.attendance, note = EXCLUDED.note,
    client_id = coalesce(EXCLUDED.client_id, session_occurrences.client_id),
    logged_by = coalesce(EXCLUDED.logged_by, session_occurrences.logged_by),
    logged_at = coalesce(EXCLUDED.logged_at, session_occurrences.logged_at),
    updated_at = now()
RETURNING id
