-- A course's ($1) modules and their lessons in order: titles, kinds and
-- minutes only (what a lesson says is for those enrolled).
SELECT m.id AS module_id, m.title AS module_title, l.id AS lesson_id, l.title AS lesson_title, l.kind,
       l.minutes
FROM course_modules m
LEFT JOIN course_lessons l ON l.module_id = m.id
WHERE m.course_id = $1
ORDER BY m.position, m.id, l.position, l.id
