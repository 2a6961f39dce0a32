-- Question $2 of attempt $1 has had $3 of the tutor's hints.
UPDATE quiz_attempt_questions SET hints_used = $3 WHERE attempt_id = $1 AND position = $2
