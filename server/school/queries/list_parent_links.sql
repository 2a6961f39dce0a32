-- One page of the school's parent-student links ($1 limit, $2 offset), by
-- parent then student name.
SELECT l.parent_id, p.name AS parent_name, l.student_id, s.name AS student_name,
       count(*) OVER () AS total
FROM parent_links l
JOIN users p ON p.id = l.parent_id
JOIN users s ON s.id = l.student_id
ORDER BY p.name, s.name
LIMIT $1 OFFSET $2
