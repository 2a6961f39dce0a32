-- Moves question $2 of attempt $1 to bank version $3 with the answer $4
-- (JSON) carried over and its new score $5 and verdict $6.
UPDATE quiz_attempt_questions
SET question_id = $3, answer = $4::jsonb, score = $5, verdict = $6
WHERE attempt_id = $1 AND position = $2
