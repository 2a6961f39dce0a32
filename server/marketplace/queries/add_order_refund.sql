-- A refund of order $2 (tenant $1): its parts ($3 gross, $4 processing, $5
-- platform, $6 instructor), why ($7), by whom ($8), the provider's id ($9)
-- and the request's key ($11, null when none was sent); the order's refunded
-- totals and status ($10) follow.
WITH refund AS (
    INSERT INTO order_refunds (tenant_id, order_id, gross_minor, processing_minor, platform_minor, instructor_minor,
                               reason, refunded_by, provider_refund, request_key)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11::text)
    RETURNING id
)
UPDATE course_orders
SET refunded_gross_minor = refunded_gross_minor + $3,
    refunded_processing_minor = refunded_processing_minor + $4,
    refunded_platform_minor = refunded_platform_minor + $5,
    refunded_instructor_minor = refunded_instructor_minor + $6,
    status = $10,
    updated_at = now()
WHERE id = $2
RETURNING (SELECT id FROM refund) AS refund_id
