-- Coupon $1, locked while it is changed, as user $3 reaches it (scope $2 as
-- in coupons_page); no row otherwise.
SELECT k.id
FROM coupons k
WHERE k.id = $1 AND ($2 = 'tenant' OR ($2 = 'teach' AND k.created_by = $3))
FOR UPDATE
