-- The id of tenant $1's class named $2 (the demo finds its classes by name).
SELECT id FROM classes WHERE tenant_id = $1 AND name = $2 AND deleted_at IS NULL ORDER BY id LIMIT 1
