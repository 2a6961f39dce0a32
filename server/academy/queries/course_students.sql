-- The students enrolled in course $1, by name, with what they have done in
-- it: the quizzes they handed in (of the course's live quizzes) and when they
-- last started or handed one in (UTC, null for never).
SELECT u.id, u.name AS name,
       to_char(s.enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS enrolled_at,
       count(a.submitted_at) AS handed_in,
       to_char(greatest(max(a.started_at), max(a.submitted_at)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           AS last_active
FROM course_students s
JOIN users u ON u.id = s.student_id
LEFT JOIN quizzes q ON q.course_id = s.course_id AND q.deleted_at IS NULL
LEFT JOIN quiz_attempts a ON a.quiz_id = q.id AND a.student_id = s.student_id
WHERE s.course_id = $1
GROUP BY u.id, u.name, s.enrolled_at
ORDER BY u.name, u.id
