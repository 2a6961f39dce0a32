-- The courses a reader reaches (scope $2 and user $3, as
-- marketplace_in_reach), the best selling first: learners enrolled and how
-- many finished every lesson, the rating, and the sales in currency $4 less
-- their refunds; at most $1. ($1 comes first as in the paged lists.)
WITH reached AS (
    {{> marketplace/_reached_courses}}
)
SELECT c.id, c.title, c.status, c.rating_count, c.rating_sum, counts.lessons,
       (SELECT count(*) FROM course_students s WHERE s.course_id = c.id) AS enrolled,
       (SELECT count(*) FROM course_students s
        WHERE s.course_id = c.id AND counts.lessons > 0
          AND (SELECT count(*) FROM lesson_progress p
               WHERE p.course_id = c.id AND p.learner_id = s.student_id AND p.completed_at IS NOT NULL) >= counts.lessons)
           AS finished,
       (SELECT coalesce(sum(o.gross_minor - o.refunded_gross_minor), 0) FROM course_orders o
        WHERE o.course_id = c.id AND o.currency = $4 AND o.paid_at IS NOT NULL) AS net_sales_minor
FROM courses c
JOIN reached r ON r.id = c.id
CROSS JOIN LATERAL (SELECT count(*) AS lessons FROM course_lessons l WHERE l.course_id = c.id) counts
ORDER BY net_sales_minor DESC, enrolled DESC, c.title, c.id
LIMIT $1
