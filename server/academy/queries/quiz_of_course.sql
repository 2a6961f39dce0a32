-- The live quiz $1 of a live course, with its course.
SELECT q.id, q.title, q.course_id, q.question_count
FROM quizzes q
JOIN courses c ON c.id = q.course_id AND c.deleted_at IS NULL
WHERE q.id = $1 AND q.deleted_at IS NULL
