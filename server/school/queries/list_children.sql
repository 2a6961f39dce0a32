-- One page of parent $3's active linked students by name ($1 limit, $2 offset).
SELECT {{> school/_user_columns}},
       count(*) OVER () AS total
FROM parent_links l
JOIN users u ON u.id = l.student_id
WHERE l.parent_id = $3 AND u.deleted_at IS NULL
ORDER BY u.name, u.id
LIMIT $1 OFFSET $2
