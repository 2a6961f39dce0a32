-- A category of the demo marketplace ($1 tenant, $2 parent or null, $3
-- slug, $4 name, $5 position), or the one already made with that slug.
INSERT INTO catalog_categories (tenant_id, parent_id, slug, name, position)
VALUES ($1, $2::bigint, $3, $4, $5)
ON CONFLICT (tenant_id, slug) DO UPDATE SET name = catalog_categories.name
RETURNING id
