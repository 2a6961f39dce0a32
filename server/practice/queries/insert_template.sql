-- Adds one of school $1's own task templates: $2 code, $3 the target's id,
-- $4 kind, $5 difficulty, $6 the template as written (JSON). Returns its id.
INSERT INTO task_templates (tenant_id, code, target_id, kind, difficulty, body, content_hash)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, '')
RETURNING id
