-- Stores student $2's (school $1) mastery of target $3: $4 the probability
-- the target is known, $5 the answers so far.
INSERT INTO mastery_states (tenant_id, student_id, target_id, known, attempts)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (student_id, target_id) DO UPDATE
SET known = EXCLUDED.known, attempts = EXCLUDED.attempts, updated_at = now()
