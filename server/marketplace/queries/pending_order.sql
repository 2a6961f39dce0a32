-- Learner $1's order of course $2 still waiting for payment, locked, the
-- code of the coupon it was made with, and whether its checkout
-- (checkout_lifetime) has run out.
SELECT o.id, o.checkout_id, o.checkout_url, k.code AS coupon_code,
       o.created_at < now() - checkout_lifetime() AS stale
FROM course_orders o
LEFT JOIN coupons k ON k.id = o.coupon_id
WHERE o.learner_id = $1 AND o.course_id = $2 AND o.status = 'pending'
FOR UPDATE OF o
