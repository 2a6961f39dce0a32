-- The id and kind of the tenant with slug $1 (no row: none).
SELECT id, kind FROM tenants WHERE slug = $1
