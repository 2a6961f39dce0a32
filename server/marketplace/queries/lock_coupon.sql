-- Locks the coupon with code $1 while an order is made with it, so two
-- checkouts at once count its uses one after the other.
SELECT id FROM coupons WHERE code = $1 FOR UPDATE
