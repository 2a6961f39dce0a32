-- The demo's assignments for tenant $1: $2 is a JSON array of {"teacher_id",
-- "class_id", "title", "description", "due_local", "created_at"}, the due
-- time being a wall-clock time in the school's zone $3 (as the API takes it);
-- answers each new assignment's id with its class and title.
INSERT INTO assignments (tenant_id, teacher_id, class_id, title, description, due_at, created_at, updated_at)
SELECT $1, a.teacher_id, a.class_id, a.title, a.description, a.due_local::timestamp AT TIME ZONE $3, a.created_at,
       a.created_at
FROM jsonb_to_recordset($2::jsonb)
     AS a (teacher_id bigint, class_id bigint, title text, description text, due_local text, created_at timestamptz)
RETURNING id, class_id, title
