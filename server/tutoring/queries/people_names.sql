-- The names of the users listed in $1 ('{1,2,3}').
SELECT id, name FROM users WHERE id = ANY ($1::bigint[])
