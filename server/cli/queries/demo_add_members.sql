-- Puts the students $3 (a JSON array of ids) into class $2 of tenant $1, added
-- at $4, leaving those already in it; answers how many were added.
WITH added AS (
    INSERT INTO class_members (tenant_id, class_id, student_id, added_at)
    SELECT $1, $2, student.id::bigint, $4::timestamptz FROM jsonb_array_elements_text($3::jsonb) AS student (id)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) AS added FROM added
