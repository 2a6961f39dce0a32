-- Learner $2's mark of lesson $1 as the shared rule left it: $3 completed
-- (keeping when it was first completed), $4 seconds spent, $5 position.
UPDATE lesson_progress
SET completed_at = CASE WHEN $3 THEN coalesce(completed_at, now()) END,
    seconds_spent = $4, position_seconds = $5, updated_at = now()
WHERE lesson_id = $1 AND learner_id = $2
