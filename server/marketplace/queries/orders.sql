-- A page of orders ($1 limit, $2 offset), newest first, as far as the reader
-- reaches ($3: 'tenant' every order, 'teach' their courses' ($4), 'own'
-- their own ($4)), of one status ($5) or all (''), with the list's size.
SELECT o.id, o.course_id, c.title AS course_title, o.learner_id, u.name AS learner_name, o.status, o.currency,
       o.gross_minor, o.processing_fee_minor, o.platform_fee_minor, o.instructor_share_minor,
       o.refunded_gross_minor, o.refunded_processing_minor, o.refunded_platform_minor, o.refunded_instructor_minor,
       o.checkout_url, o.discount_minor, k.code AS coupon_code,
       to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       to_char(o.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS paid_at,
       count(*) OVER () AS total
FROM course_orders o
JOIN courses c ON c.id = o.course_id
JOIN users u ON u.id = o.learner_id
LEFT JOIN coupons k ON k.id = o.coupon_id
WHERE marketplace_in_reach($3, $4, c.instructor_id, o.learner_id)
  AND ($5 = '' OR o.status = $5)
ORDER BY o.created_at DESC, o.id DESC
LIMIT $1 OFFSET $2
