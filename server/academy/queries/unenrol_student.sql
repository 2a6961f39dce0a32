-- Takes student $2 out of course $1; no row when they were not enrolled.
-- Their attempts stay (an instructor's results and the student's own
-- progress still count them).
DELETE FROM course_students
WHERE course_id = $1 AND student_id = $2
RETURNING student_id
