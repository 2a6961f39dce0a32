-- Lesson $1 goes, when no learner has opened it; none when one has.
DELETE FROM course_lessons l WHERE l.id = $1 AND NOT EXISTS (SELECT 1 FROM lesson_progress p WHERE p.lesson_id = l.id)
RETURNING id
