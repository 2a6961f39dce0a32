-- A handed-in attempt's score again, the sum of its questions' (after a regrade).
UPDATE quiz_attempts
SET score = (SELECT coalesce(sum(score), 0) FROM quiz_attempt_questions WHERE attempt_id = $1)
WHERE id = $1 AND submitted_at IS NOT NULL
