-- The codes of the bank questions student $1 has been asked in any attempt.
SELECT DISTINCT b.code
FROM quiz_attempt_questions aq
JOIN quiz_attempts a ON a.id = aq.attempt_id
JOIN bank_questions b ON b.id = aq.question_id
WHERE a.student_id = $1
