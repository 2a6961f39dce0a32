-- Coupon $1's last day $2 (YYYY-MM-DD; NULL: none), ending at the midnight
-- after it in zone $3, and usage limit $4 (0: any number).
UPDATE coupons
SET expires_on = $2::date, expires_at = ($2::date + 1)::timestamp AT TIME ZONE $3, usage_limit = $4
WHERE id = $1
