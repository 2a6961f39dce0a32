-- The demo's class: tenant $1, name $2, teacher $3, with student $4 in it and
-- parent $5 linked to that student; answers the class id.
WITH class AS (
    INSERT INTO classes (tenant_id, name, teacher_id) VALUES ($1, $2, $3) RETURNING id
), member AS (
    INSERT INTO class_members (tenant_id, class_id, student_id) SELECT $1, id, $4 FROM class
), link AS (
    INSERT INTO parent_links (tenant_id, parent_id, student_id) VALUES ($1, $5, $4)
)
SELECT id FROM class
