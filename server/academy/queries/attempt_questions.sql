-- The questions of attempt $1 in order, with the bank version asked (as
-- GIFT) and the answer given.
SELECT aq.position, aq.question_id, aq.answer, aq.score, aq.verdict, aq.client_verdict, aq.hints_used,
       b.code, b.version, b.body
FROM quiz_attempt_questions aq
JOIN bank_questions b ON b.id = aq.question_id
WHERE aq.attempt_id = $1
ORDER BY aq.position
