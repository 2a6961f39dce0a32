-- One page ($1 limit, $2 offset) of the live courses within the caller's
-- reach ($3 scope, $4 user): every course for the tenant's scope; for one's
-- own, the courses one teaches or is enrolled in. With their instructor's
-- name and how many students and live quizzes each has, by title.
SELECT c.id, c.title, c.description, c.status, c.instructor_id, u.name AS instructor_name,
       (SELECT count(*) FROM course_students s WHERE s.course_id = c.id) AS students,
       (SELECT count(*) FROM quizzes q WHERE q.course_id = c.id AND q.deleted_at IS NULL) AS quizzes, c.leaderboard,
       c.join_code,
       count(*) OVER () AS total
FROM courses c
JOIN users u ON u.id = c.instructor_id
WHERE c.deleted_at IS NULL
  AND ($3 = 'tenant'
       OR c.instructor_id = $4
       OR EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = c.id AND s.student_id = $4))
ORDER BY c.title, c.id
LIMIT $1 OFFSET $2
