-- The active user signing in with email $1 (in the tenant set for the
-- transaction): their id, password hash, name and role; no row when none.
SELECT id, password_hash, name, role
FROM users
WHERE email = $1 AND deleted_at IS NULL
