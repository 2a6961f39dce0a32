-- The demo's target assignments for tenant $1: $2 is a JSON array of
-- {"student_id", "target_id", "assigned_by", "created_at"}.
INSERT INTO target_assignments (tenant_id, student_id, target_id, assigned_by, created_at)
SELECT $1, r.student_id, r.target_id, r.assigned_by, r.created_at
FROM jsonb_to_recordset($2::jsonb) AS r (student_id bigint, target_id bigint, assigned_by bigint, created_at timestamptz)
