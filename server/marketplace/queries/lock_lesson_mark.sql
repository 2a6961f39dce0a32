-- Learner $2's mark of lesson $1, locked until the transaction ends: two
-- marks sent at once are applied one after the other.
SELECT completed_at IS NOT NULL AS completed, seconds_spent, position_seconds,
       (extract(epoch FROM updated_at) * 1000000)::bigint AS updated_at
FROM lesson_progress
WHERE lesson_id = $1 AND learner_id = $2
FOR UPDATE
