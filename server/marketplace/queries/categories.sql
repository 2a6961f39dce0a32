-- The marketplace's categories, parents before children, in their order.
SELECT id, parent_id, slug, name
FROM catalog_categories
ORDER BY parent_id NULLS FIRST, position, name
