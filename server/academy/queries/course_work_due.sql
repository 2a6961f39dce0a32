-- Student $1's course work around now, on the academy's clock ($2, its IANA
-- zone): the live assignments of the live courses they are enrolled in that
-- were due in the last week or are due in the next two, soonest first, with
-- whether they handed each in and whether it is marked. The parent's summary.
SELECT a.id, a.title, c.title AS course_title,
       to_char(a.due_at AT TIME ZONE $2, 'YYYY-MM-DD"T"HH24:MI:SS') AS due_date,
       extract(epoch FROM a.due_at)::bigint AS due_unix,
       s.id IS NOT NULL AS submitted, s.grade IS NOT NULL AS graded
FROM course_students cs
JOIN courses c ON c.id = cs.course_id AND c.deleted_at IS NULL
JOIN assignments a ON a.course_id = c.id AND a.deleted_at IS NULL
LEFT JOIN submissions s ON s.assignment_id = a.id AND s.student_id = cs.student_id
WHERE cs.student_id = $1
  AND a.due_at BETWEEN now() - interval '7 days' AND now() + interval '14 days'
ORDER BY a.due_at, a.id
LIMIT 50
