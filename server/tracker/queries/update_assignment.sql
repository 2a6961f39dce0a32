-- Replaces an assignment's ($1) fields: title $2, description $3, due $4 as
-- local time in the zone $5, class $6 (or NULL), course $7 (or NULL), points
-- $8 (or NULL), rubric $9 (or NULL).
UPDATE assignments
SET title = $2, description = $3, due_at = $4::timestamp AT TIME ZONE $5, class_id = $6, course_id = $7,
    max_points = $8, rubric = $9::jsonb, updated_at = now()
WHERE id = $1
