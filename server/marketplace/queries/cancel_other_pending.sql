-- Learner $2's other orders of course $3 still waiting for payment, given up
-- now that order $1 was paid after all (a late payment).
UPDATE course_orders SET status = 'cancelled', updated_at = now()
WHERE learner_id = $2 AND course_id = $3 AND status = 'pending' AND id <> $1
