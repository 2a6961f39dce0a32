-- The demo academy's course assignments for tenant $1: $2 is a JSON array of
-- {"teacher_id", "course_id", "title", "description", "due_at", "created_at",
-- "max_points", "rubric"}; answers each new assignment's id with its title.
INSERT INTO assignments (tenant_id, teacher_id, course_id, title, description, due_at, created_at, updated_at,
                         max_points, rubric)
SELECT $1, a.teacher_id, a.course_id, a.title, a.description, a.due_at, a.created_at, a.created_at, a.max_points,
       a.rubric
FROM jsonb_to_recordset($2::jsonb)
     AS a (teacher_id bigint, course_id bigint, title text, description text, due_at timestamptz,
           created_at timestamptz, max_points integer, rubric jsonb)
RETURNING id, title
