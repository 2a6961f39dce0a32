-- The demo's mastery for tenant $1: $2 is a JSON array of {"student_id",
-- "target_id", "known", "attempts", "updated_at"}, each the state after the
-- student's last answer to the target.
INSERT INTO mastery_states (tenant_id, student_id, target_id, known, attempts, updated_at)
SELECT $1, r.student_id, r.target_id, r.known, r.attempts, r.updated_at
FROM jsonb_to_recordset($2::jsonb)
     AS r (student_id bigint, target_id bigint, known double precision, attempts integer, updated_at timestamptz)
