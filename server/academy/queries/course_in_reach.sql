-- The live course $1 if it is within the caller's reach ($2 scope, $3
-- user): any course of the tenant, or one the user teaches or is enrolled
-- in; with whether the user teaches it.
SELECT c.id, c.title, c.instructor_id, c.instructor_id = $3 AS teaches
FROM courses c
WHERE c.id = $1 AND c.deleted_at IS NULL
  AND ($2 = 'tenant'
       OR c.instructor_id = $3
       OR EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = c.id AND s.student_id = $3))
