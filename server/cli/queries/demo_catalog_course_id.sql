-- The demo marketplace's ($1) course with this slug ($2), when made.
SELECT id FROM courses WHERE tenant_id = $1 AND slug = $2
