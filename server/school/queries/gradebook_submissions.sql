-- The gradebook's cells: every submission to class $1's live assignments.
SELECT s.student_id, s.assignment_id, s.grade, s.late
FROM submissions s
JOIN assignments a ON a.id = s.assignment_id
WHERE a.class_id = $1 AND a.deleted_at IS NULL
