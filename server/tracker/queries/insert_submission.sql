-- A student's ($3) first submission to assignment $2 (tenant $1) with content
-- $4, flagged late past the due time; no row when they already submitted.
INSERT INTO submissions (tenant_id, assignment_id, student_id, content, late)
SELECT $1, $2, $3, $4, now() > a.due_at FROM assignments a WHERE a.id = $2
ON CONFLICT (assignment_id, student_id) DO NOTHING
RETURNING id, late
