-- A demo order (tenant $1, learner $2, course $3) in state $4 with its split
-- ($5 currency, $6 gross, $7 processing, $8 platform, $9 instructor), the
-- terms ($10, $11, $12), its sandbox checkout ($13 id, $14 page, $15 payment),
-- made at $16 and paid at $17 (UTC; NULL when never paid), with what refunds
-- gave back ($18 gross, $19 processing, $20 platform, $21 instructor), and
-- the coupon it was bought with ($22, or NULL) and what it took off ($23).
INSERT INTO course_orders (tenant_id, learner_id, course_id, status, currency, gross_minor, processing_fee_minor,
                           platform_fee_minor, instructor_share_minor, platform_fee_bp, processing_bp,
                           processing_fixed_minor, provider, checkout_id, checkout_url, payment_id, created_at, paid_at,
                           updated_at, refunded_gross_minor, refunded_processing_minor, refunded_platform_minor,
                           refunded_instructor_minor, coupon_id, discount_minor)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'sandbox', $13, $14, $15, $16::timestamptz,
        $17::timestamptz, coalesce($17::timestamptz, $16::timestamptz), $18, $19, $20, $21, $22, $23)
RETURNING id
