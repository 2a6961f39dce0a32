-- One task of set $2 (school $1) at position $3: template $4 as it is now
-- ($5, JSON, kept so later edits cannot change how it is graded) and the
-- seed $6 that generated it. Returns its id.
INSERT INTO tasks (tenant_id, set_id, position, template_id, template_body, seed)
VALUES ($1, $2, $3, $4, $5::jsonb, $6)
RETURNING id
