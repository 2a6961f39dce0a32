-- Order $1, locked while an event or a refund changes it.
SELECT id, learner_id, course_id, status, currency, gross_minor, processing_fee_minor, platform_fee_minor,
       instructor_share_minor, refunded_gross_minor, refunded_processing_minor, refunded_platform_minor,
       refunded_instructor_minor, payment_id, checkout_id
FROM course_orders
WHERE id = $1
FOR UPDATE
