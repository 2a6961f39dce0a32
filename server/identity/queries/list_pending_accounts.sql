-- One page ($1 limit, $2 offset) of the tenant's active accounts waiting for
-- an administrator's approval, oldest first.
SELECT u.id, u.email, u.name, u.role,
       to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS signed_up_at,
       count(*) OVER () AS total
FROM users u
WHERE u.approval = 'pending' AND u.deleted_at IS NULL
ORDER BY u.created_at, u.id
LIMIT $1 OFFSET $2
