-- One series for tenant $1: $2 is {"tutor_id", "student_id", "subject",
-- "room", "dtstart" (local wall time), "duration_minutes", "rrule",
-- "exdates" (an array of local times), "split_from" (a series id or null),
-- "created_by", "created_at"}. Answers its id.
INSERT INTO session_series (tenant_id, tutor_id, student_id, subject, room, dtstart, duration_minutes, rrule, exdates,
                            split_from, created_by, created_at)
SELECT $1, s.tutor_id, s.student_id, s.subject, s.room, s.dtstart, s.duration_minutes, s.rrule,
       ARRAY(SELECT jsonb_array_elements_text($2::jsonb -> 'exdates')::timestamp), s.split_from, s.created_by,
       s.created_at
FROM jsonb_to_record($2::jsonb)
     AS s (tutor_id bigint, student_id bigint, subject text, room text, dtstart timestamp, duration_minutes integer,
           rrule text, split_from bigint, created_by bigint, created_at timestamptz)
RETURNING id
