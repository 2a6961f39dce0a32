-- Grades submission $1: grade $2, feedback $3, by teacher $4, with the
-- rubric's marks $5 (NULL when the assignment has no rubric).
UPDATE submissions SET grade = $2, feedback = $3, graded_at = now(), graded_by = $4, rubric_marks = $5::jsonb
WHERE id = $1
