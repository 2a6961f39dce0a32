-- Coupon $1 as user $3 reaches it (scope $2 as in coupons_page); no row
-- otherwise.
SELECT {{> marketplace/_coupon_columns}}
FROM coupons k
JOIN users u ON u.id = k.created_by
WHERE k.id = $1 AND ($2 = 'tenant' OR ($2 = 'teach' AND k.created_by = $3))
