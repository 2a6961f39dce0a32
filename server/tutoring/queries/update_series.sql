-- Series $1 rewritten: tutor $2, student $3, subject $4, room $5, DTSTART
-- $6, minutes $7, RRULE $8, EXDATEs $9, RDATEs $10 (as insert_series).
UPDATE session_series
SET tutor_id = $2, student_id = $3, subject = $4, room = $5, dtstart = $6::timestamp, duration_minutes = $7,
    rrule = $8, exdates = $9::timestamp[], rdates = $10::timestamp[]
WHERE id = $1
