-- The live series of tenant $1 in which tutor $2 teaches student $3 subject
-- $4 (the demo finds its minimal series this way), the first if several.
SELECT id, to_char(dtstart, 'YYYY-MM-DD"T"HH24:MI:SS') AS dtstart, duration_minutes, rrule, room
FROM session_series
WHERE tenant_id = $1 AND tutor_id = $2 AND student_id = $3 AND subject = $4 AND deleted_at IS NULL
ORDER BY id
LIMIT 1
