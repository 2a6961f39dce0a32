-- Hands in attempt $1 with the sum of its questions' scores; no row when
-- it was already handed in.
UPDATE quiz_attempts
SET submitted_at = now(),
    score = (SELECT coalesce(sum(score), 0) FROM quiz_attempt_questions WHERE attempt_id = $1)
WHERE id = $1 AND submitted_at IS NULL
RETURNING score
