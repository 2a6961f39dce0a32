-- Links parent $2 to student $3 in tenant $1; no row when already linked.
INSERT INTO parent_links (tenant_id, parent_id, student_id) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING
RETURNING parent_id
