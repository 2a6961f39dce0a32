-- Every lesson of the courses learner $1 is enrolled in, course by course
-- in the order they are taken, with what the learner has done in each (for
-- the progress of all their courses in one statement).
SELECT l.course_id, l.id AS lesson_id, l.minutes,
       p.completed_at IS NOT NULL AS completed,
       coalesce(p.seconds_spent, 0) AS seconds_spent,
       coalesce(p.position_seconds, 0) AS position_seconds,
       (extract(epoch FROM p.updated_at) * 1000000)::bigint AS updated_at
FROM course_students s
JOIN course_lessons l ON l.course_id = s.course_id
JOIN course_modules m ON m.id = l.module_id
LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.learner_id = s.student_id
WHERE s.student_id = $1
ORDER BY l.course_id, m.position, m.id, l.position, l.id
