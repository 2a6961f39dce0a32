-- Order $1 as the reader reaches it ($2 scope as in orders.sql, $3 the reader).
SELECT o.id, o.course_id, c.title AS course_title, c.slug AS course_slug, o.learner_id, u.name AS learner_name,
       o.status, o.currency, o.gross_minor, o.processing_fee_minor, o.platform_fee_minor, o.instructor_share_minor,
       o.refunded_gross_minor, o.refunded_processing_minor, o.refunded_platform_minor, o.refunded_instructor_minor,
       o.platform_fee_bp, o.checkout_url, o.payment_id, o.discount_minor, k.code AS coupon_code,
       to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       to_char(o.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS paid_at
FROM course_orders o
JOIN courses c ON c.id = o.course_id
JOIN users u ON u.id = o.learner_id
LEFT JOIN coupons k ON k.id = o.coupon_id
WHERE o.id = $1
  AND marketplace_in_reach($2, $3, c.instructor_id, o.learner_id)
