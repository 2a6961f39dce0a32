-- Deactivates active user $1; no row when there is no such active user.
UPDATE users SET deleted_at = now(), updated_at = now()
WHERE id = $1 AND deleted_at IS NULL
RETURNING id
