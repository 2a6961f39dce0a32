-- Module $1 with its course and how many lessons it holds.
SELECT m.id, m.course_id, m.title, (SELECT count(*) FROM course_lessons l WHERE l.module_id = m.id) AS lessons
FROM course_modules m
WHERE m.id = $1
