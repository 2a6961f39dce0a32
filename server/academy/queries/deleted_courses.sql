-- One page ($1 limit, $2 offset) of the tenant's deleted courses, the most
-- recently deleted first.
SELECT c.id, c.title, u.name AS instructor_name,
       to_char(c.deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS deleted_at, count(*) OVER () AS total
FROM courses c
JOIN users u ON u.id = c.instructor_id
WHERE c.deleted_at IS NOT NULL
ORDER BY c.deleted_at DESC, c.id
LIMIT $1 OFFSET $2
