-- Who wrote submission $1 and who set its assignment (a live one); no row
-- when there is no such submission.
SELECT s.student_id, a.teacher_id
FROM submissions s
JOIN assignments a ON a.id = s.assignment_id
WHERE s.id = $1 AND a.deleted_at IS NULL
