-- The live learning target with code $1 that a school means by it: its own
-- when it has one with that code, else the shared one. No row when there is
-- neither.
SELECT id FROM learning_targets
WHERE code = $1 AND retired_at IS NULL
ORDER BY tenant_id NULLS LAST
LIMIT 1
