-- 0026: a coupon's last day and usage limit may change after it is made
-- (PUT /api/marketplace/coupons/{id}); what it takes off, its code and its
-- courses stay as learners were told them.
SET LOCAL ROLE learnloop_owner;

GRANT UPDATE (expires_on, expires_at, usage_limit) ON coupons TO learnloop_app;
