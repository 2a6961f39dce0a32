-- The active students of class $1 (deactivated members are left out).
SELECT m.student_id
FROM class_members m
JOIN users u ON u.id = m.student_id
WHERE m.class_id = $1 AND u.deleted_at IS NULL
