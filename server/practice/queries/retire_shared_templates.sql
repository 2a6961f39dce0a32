-- Retires the live shared task templates whose codes are not among $1 (codes
-- separated by newlines); answers refer to them, so they are never deleted.
UPDATE task_templates SET retired_at = now()
WHERE tenant_id IS NULL AND retired_at IS NULL
  AND NOT (code = ANY (string_to_array($1, E'\n')))
