-- Ends coupon $1 now, by user $2; no row when it had ended already.
UPDATE coupons SET ended_at = now(), ended_by = $2
WHERE id = $1 AND ended_at IS NULL
RETURNING id
