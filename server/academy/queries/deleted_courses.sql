-- One page ($1 limit, $2 offset) of the tenant's deleted courses, the most
-- recently deleted first.
SELECT c.id, c.title, u.name AS instructor_name, c.deleted_at, count(*) OVER () AS total
FROM courses c
JOIN users u ON u.id = c.instructor_id
WHERE c.deleted_at IS NOT NULL
ORDER BY c.deleted_at DESC, c.id
LIMIT $1 OFFSET $2
