-- Upserts a shared (tenant NULL) task template by code $1 for the shared
-- target with code $2: $3 kind, $4 difficulty, $5 the template (JSON), $6 the
-- content hash. A row whose hash matches and is live is left alone (no row
-- returned); otherwise returns its id and whether it was inserted.
INSERT INTO task_templates (tenant_id, code, target_id, kind, difficulty, body, content_hash)
SELECT NULL, $1, t.id, $3, $4, $5::jsonb, $6
FROM learning_targets t
WHERE t.tenant_id IS NULL AND t.code = $2
ON CONFLICT (tenant_id, code) DO UPDATE
SET target_id = EXCLUDED.target_id, kind = EXCLUDED.kind, difficulty = EXCLUDED.difficulty,
    body = EXCLUDED.body, content_hash = EXCLUDED.content_hash, updated_at = now(), retired_at = NULL
WHERE task_templates.content_hash <> EXCLUDED.content_hash OR task_templates.retired_at IS NOT NULL
RETURNING id, xmax = 0 AS inserted
