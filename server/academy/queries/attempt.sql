-- Attempt $1 if it is student $2's (NULL: anyone's in the tenant), with its
-- quiz and course.
SELECT a.id, a.quiz_id, a.student_id, a.number, a.seed, a.started_at, a.submitted_at, a.score,
       extract(epoch FROM a.started_at)::bigint AS started_unix,
       extract(epoch FROM now())::bigint AS now_unix,
       q.title, q.mode, q.time_limit_minutes, q.tutor, q.course_id, c.title AS course_title, u.name AS student_name
FROM quiz_attempts a
JOIN quizzes q ON q.id = a.quiz_id
JOIN courses c ON c.id = q.course_id
JOIN users u ON u.id = a.student_id
WHERE a.id = $1 AND ($2::bigint IS NULL OR a.student_id = $2)
