-- A demo refund of order $2 (tenant $1): its parts ($3 gross, $4 processing,
-- $5 platform, $6 instructor), why ($7), by whom ($8), the provider's id ($9),
-- given at $10 (UTC).
INSERT INTO order_refunds (tenant_id, order_id, gross_minor, processing_minor, platform_minor, instructor_minor,
                           reason, refunded_by, provider_refund, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz)
