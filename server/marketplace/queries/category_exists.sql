-- Whether category $1 is one of the marketplace's.
SELECT EXISTS (SELECT 1 FROM catalog_categories WHERE id = $1) AS found
