-- The coupon with code $1 (as read_coupon_code keeps it), its uses and its
-- courses.
SELECT {{> marketplace/_coupon_columns}}
FROM coupons k
JOIN users u ON u.id = k.created_by
WHERE k.code = $1
