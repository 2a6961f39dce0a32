-- Student $1's handed-in attempts: the quiz, the share of its questions
-- scored, and when (for points and badges, shared-domain academy/progress).
SELECT a.quiz_id, CASE WHEN z.question_count > 0 THEN a.score / z.question_count ELSE 0 END AS share,
       floor(extract(epoch FROM a.submitted_at))::bigint AS submitted_unix
FROM quiz_attempts a
JOIN quizzes z ON z.id = a.quiz_id
WHERE a.student_id = $1 AND a.submitted_at IS NOT NULL
ORDER BY a.submitted_at, a.id
