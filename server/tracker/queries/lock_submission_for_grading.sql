-- A submission ($1) to a live assignment, with the assignment's teacher,
-- points and rubric, and the current grade and marks, locked for grading.
SELECT s.id, a.teacher_id, a.max_points, a.rubric, s.grade, s.feedback, s.rubric_marks
FROM submissions s
JOIN assignments a ON a.id = s.assignment_id AND a.deleted_at IS NULL
WHERE s.id = $1
FOR UPDATE OF s
