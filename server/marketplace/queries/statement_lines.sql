-- Instructor $1's orders paid in month $2 ("YYYY-MM" on the marketplace's
-- clock $3), oldest first, for their statement.
SELECT o.id, to_char(o.paid_at AT TIME ZONE $3, 'YYYY-MM-DD HH24:MI') AS paid_local, c.title AS course_title,
       o.currency, o.gross_minor, o.processing_fee_minor, o.platform_fee_minor, o.instructor_share_minor,
       o.refunded_instructor_minor, o.status
FROM course_orders o
JOIN courses c ON c.id = o.course_id
WHERE c.instructor_id = $1 AND o.paid_at IS NOT NULL AND to_char(o.paid_at AT TIME ZONE $3, 'YYYY-MM') = $2
ORDER BY o.paid_at, o.id
