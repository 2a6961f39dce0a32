-- What an order of instructor $1's course is split with in tenant $2: the
-- instructor's negotiated platform fee or the tenant's, the provider's fees,
-- and the marketplace's name (shown on the checkout page).
SELECT coalesce(i.platform_fee_bp, s.platform_fee_bp, 3000) AS platform_fee_bp,
       coalesce(s.processing_bp, 140) AS processing_bp,
       coalesce(s.processing_fixed_minor, 20) AS processing_fixed_minor,
       t.name AS merchant
FROM tenants t
LEFT JOIN marketplace_settings s ON s.tenant_id = t.id
LEFT JOIN marketplace_instructors i ON i.tenant_id = t.id AND i.instructor_id = $1
WHERE t.id = $2
