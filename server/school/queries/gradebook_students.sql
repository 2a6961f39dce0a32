-- The gradebook's rows: class $1's active students.
SELECT u.id, u.name
FROM class_members m
JOIN users u ON u.id = m.student_id
WHERE m.class_id = $1 AND u.deleted_at IS NULL
