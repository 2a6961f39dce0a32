-- User $1 (active or not), locked for an edit; no row when there is none.
SELECT {{> school/_user_columns}}
FROM users u
WHERE u.id = $1
FOR UPDATE
