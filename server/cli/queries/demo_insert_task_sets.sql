-- The demo's task sets for tenant $1: $2 is a JSON array of {"student_id",
-- "seed", "created_at"}; answers each new set's id with its seed (the demo's
-- seeds are distinct, so the seed finds the set).
INSERT INTO task_sets (tenant_id, student_id, seed, created_at)
SELECT $1, r.student_id, r.seed, r.created_at
FROM jsonb_to_recordset($2::jsonb) AS r (student_id bigint, seed bigint, created_at timestamptz)
RETURNING id, seed
