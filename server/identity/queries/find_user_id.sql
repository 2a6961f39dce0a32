-- The id of tenant $1's user with email $2 (active or not); no row when the
-- email is free.
SELECT id FROM users WHERE tenant_id = $1 AND email = $2
