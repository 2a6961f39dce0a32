-- Lesson $1 as its writer edits it, with its course and how many learners
-- have opened it.
SELECT l.id, l.course_id, l.module_id, l.title, l.kind, l.minutes, l.body, l.video_url, l.quiz_id,
       (SELECT count(*) FROM lesson_progress p WHERE p.lesson_id = l.id) AS learners
FROM course_lessons l
WHERE l.id = $1
