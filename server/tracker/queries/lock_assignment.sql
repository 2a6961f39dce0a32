-- find_assignment, locking the row for an edit or a delete.
-- let zone = $1
SELECT {{> tracker/_assignment_columns}}
FROM assignments a
JOIN users u ON u.id = a.teacher_id
WHERE a.id = $2 AND a.deleted_at IS NULL
FOR UPDATE OF a
