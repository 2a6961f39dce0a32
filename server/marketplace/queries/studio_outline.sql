-- Course $1's modules and their lessons in order, everything a writer edits
-- (a module without lessons has one row with null lesson columns).
SELECT m.id AS module_id, m.title AS module_title, l.id AS lesson_id, l.title AS lesson_title, l.kind,
       l.minutes, l.body, l.video_url, l.quiz_id,
       (SELECT count(*) FROM lesson_progress p WHERE p.lesson_id = l.id) AS learners
FROM course_modules m
LEFT JOIN course_lessons l ON l.module_id = m.id
WHERE m.course_id = $1
ORDER BY m.position, m.id, l.position, l.id
