-- Puts student $3 into class $2 of tenant $1; no row when already a member.
INSERT INTO class_members (tenant_id, class_id, student_id) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING
RETURNING student_id
