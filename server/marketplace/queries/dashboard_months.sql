-- The twelve months to this one on zone $1's clock, oldest first, for the
-- courses a reader reaches (scope $2 and user $3, as marketplace_in_reach:
-- 'tenant' every course, 'teach' their own): learners enrolled, orders paid
-- in currency $4 and their gross, and the refunds given in it, each counted
-- in the month it happened.
WITH months AS (
    SELECT to_char(m, 'YYYY-MM') AS month, m AS starts, m + interval '1 month' AS ends
    FROM generate_series(date_trunc('month', now() AT TIME ZONE $1) - interval '11 months',
                         date_trunc('month', now() AT TIME ZONE $1), interval '1 month') AS m
), reached AS (
    {{> marketplace/_reached_courses}}
)
SELECT mo.month,
       (SELECT count(*) FROM course_students s JOIN reached r ON r.id = s.course_id
        WHERE s.enrolled_at AT TIME ZONE $1 >= mo.starts AND s.enrolled_at AT TIME ZONE $1 < mo.ends) AS enrolments,
       (SELECT count(*) FROM course_orders o JOIN reached r ON r.id = o.course_id
        WHERE o.currency = $4 AND o.paid_at AT TIME ZONE $1 >= mo.starts AND o.paid_at AT TIME ZONE $1 < mo.ends)
           AS orders,
       (SELECT coalesce(sum(o.gross_minor), 0) FROM course_orders o JOIN reached r ON r.id = o.course_id
        WHERE o.currency = $4 AND o.paid_at AT TIME ZONE $1 >= mo.starts AND o.paid_at AT TIME ZONE $1 < mo.ends)
           AS sales_minor,
       (SELECT coalesce(sum(f.gross_minor), 0) FROM order_refunds f
        JOIN course_orders o ON o.id = f.order_id JOIN reached r ON r.id = o.course_id
        WHERE o.currency = $4 AND f.created_at AT TIME ZONE $1 >= mo.starts AND f.created_at AT TIME ZONE $1 < mo.ends)
           AS refunded_minor
FROM months mo
ORDER BY mo.month
