-- A submission ($1) to a live assignment, with the assignment's teacher and
-- the current grade, locked for grading.
SELECT s.id, a.teacher_id, s.grade, s.feedback
FROM submissions s
JOIN assignments a ON a.id = s.assignment_id AND a.deleted_at IS NULL
WHERE s.id = $1
FOR UPDATE OF s
