-- Tenant $1's paid orders with each one's instructor and the month it was
-- paid in on the clock of zone $2 (the demo's payouts are worked out from them).
SELECT o.id, c.instructor_id, to_char(o.paid_at AT TIME ZONE $2, 'YYYY-MM') AS month,
       extract(epoch FROM o.paid_at)::bigint AS paid_at, o.currency, o.instructor_share_minor,
       o.refunded_instructor_minor
FROM course_orders o
JOIN courses c ON c.id = o.course_id
WHERE o.tenant_id = $1 AND o.paid_at IS NOT NULL
ORDER BY o.paid_at, o.id
