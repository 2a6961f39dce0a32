-- What learner $2 has done in course $1's lessons.
SELECT lesson_id, completed_at IS NOT NULL AS completed, seconds_spent, position_seconds,
       (extract(epoch FROM updated_at) * 1000000)::bigint AS updated_at
FROM lesson_progress
WHERE course_id = $1 AND learner_id = $2
