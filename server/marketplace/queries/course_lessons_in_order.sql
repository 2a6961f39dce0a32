-- A course's ($1) lessons in the order a learner takes them, with minutes.
SELECT l.id, l.minutes
FROM course_lessons l
JOIN course_modules m ON m.id = l.module_id
WHERE l.course_id = $1
ORDER BY m.position, m.id, l.position, l.id
