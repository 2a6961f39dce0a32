-- A new assignment: tenant $1, teacher $2, class $3 (or NULL), title $4,
-- description $5, due $6 as local time in the zone $7, course $8 (or NULL),
-- out of $9 points (or NULL) with the rubric $10 (or NULL).
INSERT INTO assignments (tenant_id, teacher_id, class_id, title, description, due_at, course_id, max_points, rubric)
VALUES ($1, $2, $3, $4, $5, $6::timestamp AT TIME ZONE $7, $8, $9, $10::jsonb)
RETURNING id
