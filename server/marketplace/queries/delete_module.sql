-- Module $1 goes, when no lesson is left in it; none when one is.
DELETE FROM course_modules m WHERE m.id = $1 AND NOT EXISTS (SELECT 1 FROM course_lessons l WHERE l.module_id = m.id)
RETURNING id
