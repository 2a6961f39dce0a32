-- The demo's tasks for tenant $1: $2 is a JSON array of {"set_id",
-- "position", "template_id", "seed"}; each task keeps its template's body as
-- it is now, as a task made by the app does.
INSERT INTO tasks (tenant_id, set_id, position, template_id, template_body, seed)
SELECT $1, r.set_id, r.position, r.template_id, tt.body, r.seed
FROM jsonb_to_recordset($2::jsonb) AS r (set_id bigint, position integer, template_id bigint, seed bigint)
JOIN task_templates tt ON tt.id = r.template_id
