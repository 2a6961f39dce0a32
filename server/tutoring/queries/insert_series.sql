-- A new series: tenant $1, tutor $2, student $3, subject $4, room $5 (or
-- NULL), local DTSTART $6, minutes $7, RRULE $8 (or NULL), EXDATEs $9 and
-- RDATEs $10 ('{...}' of local times), split from $11 (or NULL), by $12.
INSERT INTO session_series (tenant_id, tutor_id, student_id, subject, room, dtstart, duration_minutes, rrule,
                            exdates, rdates, split_from, created_by)
VALUES ($1, $2, $3, $4, $5, $6::timestamp, $7, $8, $9::timestamp[], $10::timestamp[], $11, $12)
RETURNING id
