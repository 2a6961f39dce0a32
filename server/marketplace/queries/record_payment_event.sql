-- Provider $2's event $3 (kind $4, about order $5 of tenant $1) noted as
-- applied; no row when it was applied before (a replay, or two deliveries at
-- once: the second waits for the first and finds it).
INSERT INTO payment_events (tenant_id, provider, event_id, kind, order_id)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT DO NOTHING
RETURNING event_id
