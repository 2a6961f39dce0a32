-- Locks attempt $1 (student $2's), so answering, handing in and asking the
-- tutor take turns on it; no row for anyone else's.
SELECT id FROM quiz_attempts WHERE id = $1 AND student_id = $2 FOR UPDATE
