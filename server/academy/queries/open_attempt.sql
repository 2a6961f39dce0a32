-- Student $2's attempt at quiz $1 that is not submitted yet, if any.
SELECT id FROM quiz_attempts
WHERE quiz_id = $1 AND student_id = $2 AND submitted_at IS NULL
ORDER BY id DESC
LIMIT 1
