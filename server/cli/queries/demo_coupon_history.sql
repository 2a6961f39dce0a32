-- A demo coupon's history: coupon $1 made at $2 (UTC), ended at $3 (NULL:
-- not ended) by user $4.
UPDATE coupons
SET created_at = $2::timestamptz,
    ended_at = $3::timestamptz,
    ended_by = CASE WHEN $3 IS NULL THEN NULL ELSE $4::bigint END
WHERE id = $1
