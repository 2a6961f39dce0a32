-- Links parents to students in tenant $1: $2 is a JSON array of
-- {"parent_id", "student_id"}, made at $3; links already there are left.
-- Answers how many were added.
WITH added AS (
    INSERT INTO parent_links (tenant_id, parent_id, student_id, created_at)
    SELECT $1, l.parent_id, l.student_id, $3::timestamptz
    FROM jsonb_to_recordset($2::jsonb) AS l (parent_id bigint, student_id bigint)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) AS added FROM added
