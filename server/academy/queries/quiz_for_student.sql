-- The live quiz $1 of a live course student $2 is enrolled in, with the
-- attempts the student has made at it.
SELECT q.id, q.title, q.mode, q.plan, q.question_count, q.time_limit_minutes, q.attempts_allowed,
       (SELECT count(*) FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.student_id = $2) AS used
FROM quizzes q
JOIN courses c ON c.id = q.course_id AND c.deleted_at IS NULL
WHERE q.id = $1 AND q.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = c.id AND s.student_id = $2)
