-- Assigns target $3 to student $2 of school $1, by user $4, optionally
-- prompted by submission $5, unless it is assigned already. Returns the new
-- row's id; no row when it was there.
INSERT INTO target_assignments (tenant_id, student_id, target_id, assigned_by, submission_id)
SELECT $1, $2, $3, $4, $5
WHERE NOT EXISTS (SELECT 1 FROM target_assignments
                  WHERE student_id = $2 AND target_id = $3 AND removed_at IS NULL)
RETURNING id
