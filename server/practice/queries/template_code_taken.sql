-- Whether any task template the school can see (shared or its own, live or
-- retired) already has code $1.
SELECT EXISTS (SELECT 1 FROM task_templates WHERE code = $1) AS taken
