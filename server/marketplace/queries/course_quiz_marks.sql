-- Course $1's quizzes, in the order they were set, with learner $2's best
-- submitted mark in each in whole percent rounded down (null before one).
SELECT q.title,
       floor(100 * max(a.score) / q.question_count + 1e-9)::int AS best_percent   -- 69.999... is 70
FROM quizzes q
LEFT JOIN quiz_attempts a ON a.quiz_id = q.id AND a.student_id = $2 AND a.submitted_at IS NOT NULL
WHERE q.course_id = $1 AND q.deleted_at IS NULL
GROUP BY q.id, q.title, q.question_count
ORDER BY q.id
