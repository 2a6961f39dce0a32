-- Learner $1's order of course $2 still waiting for payment, locked, the
-- coupon it was made with, and whether its checkout (24 hours) has run out.
SELECT id, checkout_id, checkout_url, coupon_id, created_at < now() - interval '24 hours' AS stale
FROM course_orders
WHERE learner_id = $1 AND course_id = $2 AND status = 'pending'
FOR UPDATE
