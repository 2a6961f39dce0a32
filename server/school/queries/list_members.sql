-- One page of class $3's active students by name ($1 limit, $2 offset).
SELECT {{> school/_user_columns}},
       count(*) OVER () AS total
FROM class_members m
JOIN users u ON u.id = m.student_id
WHERE m.class_id = $3 AND u.deleted_at IS NULL
ORDER BY u.name, u.id
LIMIT $1 OFFSET $2
