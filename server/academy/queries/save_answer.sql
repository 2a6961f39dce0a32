-- The answer $3 (JSON) to question $2 of attempt $1, with the server's
-- score $4 and verdict $5 and the browser's verdict $6 (NULL: none).
UPDATE quiz_attempt_questions
SET answer = $3::jsonb, score = $4, verdict = $5, client_verdict = $6, answered_at = now()
WHERE attempt_id = $1 AND position = $2
RETURNING position
