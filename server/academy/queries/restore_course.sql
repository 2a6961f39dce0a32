-- Brings back the deleted course $1; no row when it is not deleted.
UPDATE courses SET deleted_at = NULL
WHERE id = $1 AND deleted_at IS NOT NULL
RETURNING id, title
