-- A new order: tenant $1, learner $2, course $3, its split ($4 currency, $5
-- gross, $6 processing, $7 platform, $8 instructor), the terms it was made
-- with ($9, $10, $11), the provider ($12), and the coupon ($13, or NULL) with
-- what it took off ($14). It waits for payment, unless it is for nothing
-- (provider 'none': the whole price taken off), which is paid at once. No row
-- when the learner already has one waiting (two clicks at once: one order).
INSERT INTO course_orders (tenant_id, learner_id, course_id, currency, gross_minor, processing_fee_minor,
                           platform_fee_minor, instructor_share_minor, platform_fee_bp, processing_bp,
                           processing_fixed_minor, provider, coupon_id, discount_minor, status, paid_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
        CASE WHEN $12 = 'none' THEN 'paid' ELSE 'pending' END,
        CASE WHEN $12 = 'none' THEN now() END)
ON CONFLICT (tenant_id, learner_id, course_id) WHERE status = 'pending' DO NOTHING
RETURNING id
