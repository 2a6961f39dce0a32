-- Every paid order of instructor $1's courses (of every instructor when $1
-- is 0), with the month it was paid in on the marketplace's clock ($2, an
-- IANA zone), its share and what refunds gave back of it.
SELECT o.id, c.instructor_id, to_char(o.paid_at AT TIME ZONE $2, 'YYYY-MM') AS month,
       extract(epoch FROM o.paid_at)::bigint AS paid_at, o.currency, o.gross_minor, o.instructor_share_minor,
       o.refunded_instructor_minor
FROM course_orders o
JOIN courses c ON c.id = o.course_id
WHERE o.paid_at IS NOT NULL AND ($1 = 0 OR c.instructor_id = $1)
ORDER BY o.paid_at, o.id
