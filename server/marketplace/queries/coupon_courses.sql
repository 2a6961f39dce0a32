-- The courses a coupon's maker may choose, by title: every live course of
-- the tenant's catalog ($1 = 'tenant') or user $2's own ('teach'), with
-- their prices.
SELECT c.id, c.title, c.price_kind, c.price_minor, c.currency, c.billing_period
FROM courses c
WHERE c.deleted_at IS NULL AND c.slug IS NOT NULL
  AND ($1 = 'tenant' OR ($1 = 'teach' AND c.instructor_id = $2))
ORDER BY c.title, c.id
LIMIT 500
