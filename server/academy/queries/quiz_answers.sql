-- Every question of every handed-in attempt at quiz $1, with its student,
-- the attempt's total and the version asked, attempt by attempt.
SELECT a.id AS attempt_id, a.student_id, u.name AS student_name, a.number, a.score AS total,
       to_char(a.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS submitted_at,
       aq.position, coalesce(aq.score, 0) AS score, aq.hints_used, aq.question_id, b.code, b.version, b.body
FROM quiz_attempts a
JOIN users u ON u.id = a.student_id
JOIN quiz_attempt_questions aq ON aq.attempt_id = a.id
JOIN bank_questions b ON b.id = aq.question_id
WHERE a.quiz_id = $1 AND a.submitted_at IS NOT NULL
ORDER BY a.id, aq.position
