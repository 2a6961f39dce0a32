-- The logged sessions family $1 has not been invoiced for, on local days
-- $2 to $3 (both included): its own (a student paying for themself) or its
-- linked children's. Locked, so two drafts made at once never bill a
-- session twice (the second finds it taken and leaves it out).
SELECT o.id AS occurrence_id, s.student_id, coalesce(o.tutor_id, s.tutor_id) AS tutor_id,
       to_char(coalesce(o.starts, o.recurrence_id), 'YYYY-MM-DD') AS day,
       coalesce(o.duration_minutes, s.duration_minutes) AS minutes, o.attendance,
       left(s.subject || ' with ' || t.name, 200) AS description
FROM session_occurrences o
JOIN session_series s ON s.id = o.series_id
JOIN users t ON t.id = coalesce(o.tutor_id, s.tutor_id)
WHERE o.attendance IS NOT NULL AND o.invoice_id IS NULL
  AND (s.student_id = $1 OR s.student_id IN (SELECT student_id FROM parent_links WHERE parent_id = $1))
  AND coalesce(o.starts, o.recurrence_id) >= $2::date
  AND coalesce(o.starts, o.recurrence_id) < $3::date + 1
ORDER BY day, o.id
FOR UPDATE OF o
