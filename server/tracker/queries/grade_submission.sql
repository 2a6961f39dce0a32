-- Grades submission $1: grade $2, feedback $3, by teacher $4.
UPDATE submissions SET grade = $2, feedback = $3, graded_at = now(), graded_by = $4 WHERE id = $1
