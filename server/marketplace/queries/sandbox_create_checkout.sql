-- A sandbox checkout ($1) for $4 minor units of $5, for merchant $2's item
-- $3, returning the payer to $6; the order it is for ($7 tenant, $8 order)
-- rides along as metadata, as with any provider.
INSERT INTO sandbox_checkouts (id, merchant, description, amount_minor, currency, return_url, metadata)
VALUES ($1, $2, $3, $4, $5, $6, jsonb_build_object('tenant_id', $7::bigint, 'order_id', $8::bigint))
