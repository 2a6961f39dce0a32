-- A session_series row `s` as the repository reads it: local times as
-- "YYYY-MM-DDTHH:MM:SS", EXDATEs and RDATEs as comma-separated lists.
s.id, s.tutor_id, s.student_id, s.subject, coalesce(s.room, '') AS room,
to_char(s.dtstart, 'YYYY-MM-DD"T"HH24:MI:SS') AS dtstart, s.duration_minutes, coalesce(s.rrule, '') AS rrule,
(SELECT coalesce(string_agg(to_char(d, 'YYYY-MM-DD"T"HH24:MI:SS'), ',' ORDER BY d), '') FROM unnest(s.exdates) d) AS exdates,
(SELECT coalesce(string_agg(to_char(d, 'YYYY-MM-DD"T"HH24:MI:SS'), ',' ORDER BY d), '') FROM unnest(s.rdates) d) AS rdates,
s.split_from
