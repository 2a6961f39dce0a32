-- A payout due to instructor $2 (tenant $1) for month $3: $5 minor units of
-- $4, made by $6. No row when one was made already.
INSERT INTO instructor_payouts (tenant_id, instructor_id, month, currency, amount_minor, created_by)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (tenant_id, instructor_id, currency, month) DO NOTHING
RETURNING id
