-- The live quizzes of course $1, oldest first, with student $2's attempts
-- at each (how many, the best submitted score, an attempt still open) and
-- everyone's (how many submitted, their average score, the tutor's hints given).
SELECT q.id, q.title, q.mode, q.question_count, q.time_limit_minutes, q.attempts_allowed, q.tutor, q.created_at,
       (SELECT count(*) FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.student_id = $2) AS my_attempts,
       (SELECT max(a.score) FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.student_id = $2
          AND a.submitted_at IS NOT NULL) AS my_best,
       (SELECT max(a.id) FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.student_id = $2
          AND a.submitted_at IS NULL) AS my_open_attempt,
       (SELECT count(*) FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.submitted_at IS NOT NULL) AS submitted,
       (SELECT avg(a.score) FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.submitted_at IS NOT NULL) AS average,
       (SELECT coalesce(sum(aq.hints_used), 0) FROM quiz_attempts a
          JOIN quiz_attempt_questions aq ON aq.attempt_id = a.id WHERE a.quiz_id = q.id) AS hints
FROM quizzes q
WHERE q.course_id = $1 AND q.deleted_at IS NULL
ORDER BY q.created_at, q.id
