-- The sandbox's record of a demo order's checkout: $1 id, merchant $2, item
-- $3, $4 minor units of $5, for order $7 of tenant $6, ended as $8 with
-- payment $9 and $10 refunded, made at $11 (UTC).
INSERT INTO sandbox_checkouts (id, merchant, description, amount_minor, currency, return_url, metadata, status,
                               payment_id, refunded_minor, created_at, expires_at, completed_at)
VALUES ($1, $2, $3, $4, $5, '/#/learn/orders/' || $7::bigint, jsonb_build_object('tenant_id', $6::bigint, 'order_id', $7::bigint),
        $8, $9, $10, $11::timestamptz, $11::timestamptz + interval '24 hours', $11::timestamptz + interval '4 minutes')
