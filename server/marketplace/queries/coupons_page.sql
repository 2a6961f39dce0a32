-- A page of coupons ($1 limit, $2 offset), newest first: every one ($3 =
-- 'tenant') or those user $4 made ('teach'); with the list's size.
SELECT {{> marketplace/_coupon_columns}}, count(*) OVER () AS total
FROM coupons k
JOIN users u ON u.id = k.created_by
WHERE $3 = 'tenant' OR ($3 = 'teach' AND k.created_by = $4)
ORDER BY k.created_at DESC, k.id DESC
LIMIT $1 OFFSET $2
