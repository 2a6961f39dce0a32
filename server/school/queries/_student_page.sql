-- One page of active students `u` tied to $3 through the table {{link}} (its
-- column {{owner}} = $3, student_id the student), by name ($1 limit,
-- $2 offset).
SELECT {{> school/_user_columns}},
       count(*) OVER () AS total
FROM {{link}} l
JOIN users u ON u.id = l.student_id
WHERE l.{{owner}} = $3 AND u.deleted_at IS NULL
ORDER BY u.name, u.id
LIMIT $1 OFFSET $2
