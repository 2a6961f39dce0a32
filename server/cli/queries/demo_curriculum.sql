-- The live shared targets among the codes in $1 (a JSON array) with their BKT
-- parameters, and each one's live templates: the template's id, code,
-- difficulty and body (JSON text). One row per template, by target and template code.
SELECT t.id AS target_id, t.code AS target_code, t.title, t.strand, t.bkt::text AS bkt,
       tt.id AS template_id, tt.code AS template_code, tt.difficulty, tt.body::text AS body
FROM learning_targets t
JOIN task_templates tt ON tt.target_id = t.id AND tt.retired_at IS NULL
WHERE t.tenant_id IS NULL AND t.retired_at IS NULL
  AND t.code IN (SELECT jsonb_array_elements_text($1::jsonb))
ORDER BY t.code, tt.code
