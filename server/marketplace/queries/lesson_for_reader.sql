-- One lesson ($1) with what decides who may open it and where it sits:
-- its course (live; its status and instructor), whether the reader ($2) is
-- enrolled in it, its module, and the lessons before and after it in the
-- course's order (null at either end).
WITH ordered AS (
    SELECT l.id, lag(l.id) OVER w AS previous_id, lead(l.id) OVER w AS next_id
    FROM course_lessons l
    JOIN course_modules m ON m.id = l.module_id
    WHERE l.course_id = (SELECT course_id FROM course_lessons WHERE id = $1)
    WINDOW w AS (ORDER BY m.position, m.id, l.position, l.id)
)
SELECT l.id, l.title, l.kind, l.minutes, l.body, l.video_url, l.course_id, c.title AS course_title, c.status,
       c.instructor_id, m.title AS module_title, o.previous_id, o.next_id,
       EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = c.id AND s.student_id = $2) AS enrolled,
       p.completed_at IS NOT NULL AS completed, coalesce(p.seconds_spent, 0) AS seconds_spent,
       coalesce(p.position_seconds, 0) AS position_seconds, p.lesson_id IS NOT NULL AS opened
FROM course_lessons l
JOIN courses c ON c.id = l.course_id AND c.deleted_at IS NULL
JOIN course_modules m ON m.id = l.module_id
JOIN ordered o ON o.id = l.id
LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.learner_id = $2
WHERE l.id = $1
