-- The id of the tenant with slug $1; no row when there is none.
SELECT id FROM tenants WHERE slug = $1
