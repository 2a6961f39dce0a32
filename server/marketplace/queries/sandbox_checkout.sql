-- A sandbox checkout by its id ($1), with the order it is for and whether
-- its time (checkout_lifetime) is over.
SELECT id, merchant, description, amount_minor, currency, return_url, status, payment_id,
       (metadata->>'tenant_id')::bigint AS tenant_id, (metadata->>'order_id')::bigint AS order_id,
       expires_at <= now() AS past_expiry,
       extract(epoch FROM coalesce(completed_at, now()))::bigint AS completed
FROM sandbox_checkouts
WHERE id = $1
